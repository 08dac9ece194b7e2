// Downloads of the annual report (.docx / CSV).
import { buildPath, buildQuery, contract } from '@bianmin/shared'
import { downloadFile } from '../../shell/download'

export function downloadReport (id: string, format: 'docx' | 'csv', fallbackName: string): Promise<boolean> {
  return downloadFile(buildPath(contract.exportAnnualReport.path, { id }) + buildQuery({ format }), `${fallbackName}.${format}`, '年度报告编制')
}
