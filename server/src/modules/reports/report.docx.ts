// A report document with the maintained `docx` package: centred title, section headings, body paragraphs and tables
// with merged header cells (SimSun, as published reports are). Also the CSV writer both reports use.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx'
import type { Grid } from './report.tables'

export type Block = { kind: 'h'; text: string } | { kind: 'p'; text: string } | { kind: 'table'; grid: Grid }

const FONT = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' }
const run = (text: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: opts.size ?? 24, bold: opts.bold })

function table (g: Grid): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: g.rows.map((row) => new TableRow({
      tableHeader: false,
      children: row.map((c) => new TableCell({
        columnSpan: c.colSpan, rowSpan: c.rowSpan, verticalAlign: VerticalAlign.CENTER,
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(c.text, { bold: c.header, size: 18 })] })],
      })),
    })),
  })
}

export async function buildDocx (title: string, blocks: Block[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [run(title, { bold: true, size: 36 })] })]
  for (const b of blocks) {
    if (b.kind === 'h') children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [run(b.text, { bold: true, size: 28 })] }))
    else if (b.kind === 'p') children.push(new Paragraph({ indent: { firstLine: 480 }, spacing: { line: 360 }, children: [run(b.text)] }))
    else {
      if (b.grid.note) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(b.grid.note, { size: 18 })] }))
      children.push(table(b.grid), new Paragraph({ children: [] }))
    }
  }
  const doc = new Document({ creator: '便民服务', title, sections: [{ children }] })
  return Packer.toBuffer(doc)
}

const cell = (v: unknown) => {
  const s = String(v ?? '')
  const guarded = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(guarded) || guarded !== s ? `"${guarded.replace(/"/g, '""')}"` : s
}
export const csvText = (lines: unknown[][]): string => '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n'
