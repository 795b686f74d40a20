import { describe, expect, it } from 'vitest';
import { documentText, markdownProse } from './document.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the text of a document', () => {
  it('reads Markdown as its prose', () => {
    expect(markdownProse('# 标题\n\n- **崂山区**召开[科技创新大会](https://example.org)。\n\n---\n')).toBe(
      '标题\n\n崂山区召开科技创新大会。\n\n\n',
    );
  });

  it('reads .txt as it is, in UTF-8 or GB18030', () => {
    expect(documentText('a.txt', bytes('崂山区召开大会。'))).toEqual({
      ok: true,
      text: '崂山区召开大会。',
      encoding: 'utf-8',
    });
    const gb = new Uint8Array([0xb4, 0xf3, 0xbb, 0xe1, 0xa1, 0xa3]); // 大会。 in GB18030
    expect(documentText('a.txt', gb)).toEqual({ ok: true, text: '大会。', encoding: 'gb18030' });
  });

  it('refuses other files, naming the file', () => {
    expect(documentText('report.docx', bytes('x'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('report.docx'),
    });
  });
});
