// Notice body: sanitised on write (allow-list of what Taro's RichText renders on weapp and H5), plus the plain text
// used for summaries and keyword search.
import sanitizeHtml from 'sanitize-html'

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'span', 'div', 'strong', 'b', 'em', 'i', 'u', 'del', 'ins', 'sub', 'sup', 'blockquote', 'code',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'hr', 'a', 'img',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    col: ['span'],
    '*': ['style'],
  },
  allowedStyles: {
    '*': {
      'text-align': [/^(left|right|center|justify)$/],
      'font-weight': [/^(bold|normal|[1-9]00)$/],
      'text-indent': [/^\d+(\.\d+)?(em|px)$/],
    },
  },
  // Only safe links: web, mail, phone; images from the web or our own server (relative). No javascript:, data:, vbscript:.
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Script/style contents are dropped entirely, not turned into text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math'],
}

export const sanitizeBody = (html: string): string => sanitizeHtml(html, options).trim()

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&nbsp;': ' ' }

/** Plain text of (sanitised) HTML: block ends become spaces, whitespace collapsed. */
export function plainText (html: string): string {
  const spaced = html.replace(/<(br|hr)\b[^>]*>|<\/(p|div|li|h[1-6]|tr|td|th|dt|dd|blockquote|caption)>/gi, ' $&')
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: options.nonTextTags })
    .replace(/&(amp|lt|gt|quot|nbsp|#39|#x27);/g, (m) => entities[m] ?? m)
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
}

// LIKE wildcards (and PostgreSQL's LIKE escape) are swapped for their full-width forms after NFKC, on both sides:
// Prisma's `contains` does not escape them on SQLite, and this way a '%' in a query matches only a '%'.
const likeSafe: Record<string, string> = { '%': '\uFF05', _: '\uFF3F', '\\': '\uFF3C' }

/** Search key: NFKC (full-width letters and digits become ASCII) and lower case, on both the stored text and the query,
 * so a plain LIKE/contains is case-insensitive for Latin letters on SQLite and PostgreSQL alike. */
export const searchKey = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[%_\\]/g, (c) => likeSafe[c] ?? c)

export const buildSearchText = (title: string, summary: string, bodyHtml: string, attachmentNames: string[] = []): string =>
  searchKey([title, summary, plainText(bodyHtml), ...attachmentNames].filter(Boolean).join(' '))

/** Keywords of a query: split on whitespace, at most 5. */
export const keywords = (q: string | undefined): string[] => (q ? searchKey(q).split(/\s+/).filter(Boolean).slice(0, 5) : [])

export const autoSummary = (bodyHtml: string, max = 120): string => {
  const text = plainText(bodyHtml)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
