import { describe, expect, it } from 'vitest'
import { dateText, hasRichFormatting, htmlToText, sizeText, textToHtml } from './notice.format'

describe('notice formatting', () => {
  it('turns the editor text into one escaped paragraph per line and back', () => {
    const html = textToHtml('第一段 <b>\n\n  第二段 & 结尾  \n')
    expect(html).toBe('<p>第一段 &lt;b&gt;</p><p>第二段 &amp; 结尾</p>')
    expect(htmlToText(html)).toBe('第一段 <b>\n第二段 & 结尾')
    expect(htmlToText('<h3>一、标题</h3><p>正文<br/>换行</p><ul><li>甲</li><li>乙</li></ul>')).toBe('一、标题\n正文\n换行\n甲\n乙')
  })

  it('notices formatting the plain-text editor would lose', () => {
    expect(hasRichFormatting('<p>只有段落</p>')).toBe(false)
    expect(hasRichFormatting('<table><tr><td>表</td></tr></table>')).toBe(true)
    expect(hasRichFormatting('<p><a href="https://www.gov.cn/">链接</a></p>')).toBe(true)
  })

  it('formats dates of +08:00 instants and file sizes', () => {
    expect(dateText('2026-11-23T09:00:00.000+08:00')).toBe('2026-11-23')
    expect(dateText(null)).toBe('')
    expect(sizeText(2048)).toBe('2 KB')
    expect(sizeText(3 * 1024 * 1024)).toBe('3.0 MB')
  })
})
