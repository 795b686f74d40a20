import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Extraction } from '../../domain/extraction.ts';
import { readDocument, type DocumentRead } from './document.ts';
import { extract } from './extract.ts';
import { lineGlue, linesOf, textOfLines, withoutLetterSpacing, type PdfLine, type PdfRun } from './pdf-text.ts';
import { unifyRadicals } from './radicals.ts';

// Fixtures made by e2e/fixtures/review/make-fixtures.ts from the .txt files beside them.
const FIXTURES = path.resolve(import.meta.dirname, '../../e2e/fixtures/review');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const fixtureText = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** What a person reviews: entities by name, type and kind; relations by their ends' names, type and sentence. */
function proposals(x: Extraction) {
  const name = new Map(x.entities.map((e) => [e.id, e.name]));
  return {
    entities: x.entities.map((e) => `${e.kind} ${e.type} ${e.name}`),
    relations: x.relations.map((r) => `${name.get(r.source)} ${r.type} ${name.get(r.target)} | ${r.evidence.text}`),
  };
}

function textOf(read: DocumentRead): string {
  if (!read.ok) throw new Error(read.message);
  return read.text;
}

describe('uploaded documents read as the same text pasted', () => {
  // Each fixture read once (pdf.js loads on the first PDF, about a second).
  const reads = new Map<string, DocumentRead>();
  // Each fixture, and the .txt it was made from.
  const FILES: Record<string, string> = {
    'paragraph.docx': 'paragraph.txt',
    'paragraph.pdf': 'paragraph.txt',
    'paragraphs.docx': 'paragraphs.txt',
    'paragraphs.pdf': 'paragraphs.txt',
    'paragraphs-justified.pdf': 'paragraphs.txt',
  };
  beforeAll(async () => {
    for (const file of Object.keys(FILES)) reads.set(file, await readDocument(file, fixture(file)));
  }, 30_000);

  // The rule: a .docx's or .pdf's text is its paragraphs separated by one "\n", with no newline
  // at the end; the .txt fixtures hold the same paragraphs, one a line, with a final newline.
  it.each(Object.keys(FILES))('reads %s into exactly its .txt’s text, without the final newline', (file) => {
    const read = reads.get(file)!;
    expect(read).toMatchObject({ ok: true, format: path.extname(file).slice(1) });
    expect(textOf(read) + '\n').toBe(fixtureText(FILES[file]!));
  });

  it.each(Object.keys(FILES))('proposes for %s what it proposes for the same text pasted', (file) => {
    const pasted = proposals(extract(fixtureText(FILES[file]!)));
    expect(pasted.entities.length).toBeGreaterThanOrEqual(4);
    expect(pasted.relations.length).toBeGreaterThanOrEqual(2);
    expect(proposals(extract(textOf(reads.get(file)!)))).toEqual(pasted);
  });
});

describe('documents refused, naming the file', () => {
  it('refuses a PDF without a text layer as a likely scan', async () => {
    const read = await readDocument('scan.pdf', fixture('scan.pdf'));
    expect(read).toEqual({
      ok: false,
      message: 'scan.pdf has no text layer (a scan?): its one page holds no text; paste its text instead',
    });
  });

  it('refuses a broken PDF and a file that is no PDF at all', async () => {
    expect(await readDocument('broken.pdf', fixture('broken.pdf'))).toEqual({
      ok: false,
      message: 'broken.pdf: not a readable PDF (Invalid PDF structure.)',
    });
    expect(await readDocument('notes.pdf', fixture('paragraph.txt'))).toEqual({
      ok: false,
      message: 'notes.pdf: not a PDF (no %PDF- header)',
    });
  });

  it('refuses a .docx that is no zip, an old .doc, and a zip that holds no Word document', async () => {
    expect(await readDocument('broken.docx', fixture('broken.docx'))).toEqual({
      ok: false,
      message: 'broken.docx: not a .docx document (not a zip archive)',
    });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readDocument('old.docx', ole)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^old\.docx: an old Word \.doc file/),
    });
    const zip = new JSZip().file('hello.txt', '你好');
    const read = await readDocument('archive.docx', await zip.generateAsync({ type: 'uint8array' }));
    expect(read).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^archive\.docx: not a readable \.docx document \(.+\)$/),
    });
  });

  it('refuses other extensions, and still reads .txt and .md', async () => {
    expect(await readDocument('table.xlsx', fixture('paragraph.txt'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^table\.xlsx: only .*\.docx, \.pdf files are read$/),
    });
    expect(await readDocument('a.md', new TextEncoder().encode('# 标题\n**崂山区**召开大会。'))).toEqual({
      ok: true,
      text: '标题\n崂山区召开大会。',
      format: 'md',
      encoding: 'utf-8',
    });
  });
});

/** A line of 12-point text at the given baseline, starting at x (each character 12 wide). */
const line = (text: string, baseline: number, left = 50, size = 12): PdfLine => ({
  text,
  left,
  right: left + Array.from(text).length * size * (/^[\x20-\x7e]*$/.test(text) ? 0.5 : 1),
  baseline,
  size,
});

describe('a PDF page’s lines joined into paragraphs', () => {
  it('groups runs on one baseline into a line and skips pdf.js’s empty end-of-line runs', () => {
    const run = (str: string, x: number, y: number, width: number): PdfRun => ({ str, x, y, width, size: 12 });
    const lines = linesOf([
      run('⻘', 50, 700, 12),
      run('岛', 62, 700, 12),
      run('', 50, 680, 0),
      run('蓝谷', 50, 680, 24),
    ]);
    expect(lines.map((l) => [l.text, l.baseline])).toEqual([
      ['⻘岛', 700],
      ['蓝谷', 680],
    ]);
  });

  it('joins a wrapped line with nothing next to Chinese and with a space between Latin words', () => {
    expect(lineGlue('实验室与Woods Hole', 'Oceanographic Institution签署')).toBe(' ');
    expect(lineGlue('共建海洋观测实验', '室。')).toBe('');
    expect(lineGlue('研发投入增长', '12.5%。')).toBe('');
    expect(lineGlue('（Ocean Observation', 'Laboratory）由')).toBe(' ');
    expect(lineGlue('a well-', 'known lab')).toBe('');
  });

  it('drops the spaces pdf.js reads into a stretched line, and keeps typed ones', () => {
    expect(withoutLetterSpacing('混 合 段 落 ： 海 洋 观 测 实 验 室 与 Woods Hole')).toBe(
      '混合段落：海洋观测实验室与Woods Hole',
    );
    expect(withoutLetterSpacing('Oceanographic Institution 、 Scripps Institution of')).toBe(
      'Oceanographic Institution、Scripps Institution of',
    );
    expect(withoutLetterSpacing('云湖区召开科技创新工作推进会 加快建设区域科技创新高地')).toBe(
      '云湖区召开科技创新工作推进会 加快建设区域科技创新高地',
    );
    expect(withoutLetterSpacing('采用 AI 技术和 5G 网络')).toBe('采用 AI 技术和 5G 网络');
  });

  it('ends a paragraph at a wider gap, an indent, a line with room left or a new font size', () => {
    const right = 50 + 20 * 12;
    const full = (text: string, baseline: number) => ({ ...line(text, baseline), right });
    // Gap: lines 19 apart, then a gap of 30.
    expect(
      textOfLines([[full('青岛蓝谷海洋科技园联合', 700), line('中国海洋大学。', 681), line('园区企业。', 651)]]),
    ).toBe('青岛蓝谷海洋科技园联合中国海洋大学。\n园区企业。');
    // Indent: no gap, the next paragraph's first line starts two characters in.
    expect(textOfLines([[full('甲乙丙丁戊己庚辛壬癸', 700), full('子丑。', 681), line('寅卯辰。', 662, 74)]])).toBe(
      '甲乙丙丁戊己庚辛壬癸子丑。\n寅卯辰。',
    );
    // A line with room left for the next one's first word, no gap, no indent: a heading, a short paragraph.
    expect(textOfLines([[line('总体要求', 700), full('甲乙丙丁戊己庚辛壬癸', 681), line('子丑。', 662)]])).toBe(
      '总体要求\n甲乙丙丁戊己庚辛壬癸子丑。',
    );
    // Room for a Chinese character is not room for a Latin word: the line wrapped before it.
    const wrapped = [
      { ...line('实验室与Woods Hole', 700), right: right - 40 },
      full('Oceanographic Institution签署合作备忘录', 681),
    ];
    expect(textOfLines([wrapped])).toBe('实验室与Woods Hole Oceanographic Institution签署合作备忘录');
    wrapped[0]!.right = right - 120; // room for "Oceanographic" (about 94) and more
    expect(textOfLines([wrapped])).toBe('实验室与Woods Hole\nOceanographic Institution签署合作备忘录');
    // A heading in a larger font over its text.
    expect(
      textOfLines([[line('一、总体要求', 720, 50, 16), full('甲乙丙丁戊己庚辛壬癸', 700), line('子丑', 681)]]),
    ).toBe('一、总体要求\n甲乙丙丁戊己庚辛壬癸子丑');
  });

  it('goes on across a page break unless the page ended a paragraph, and unifies radicals', () => {
    const right = 50 + 20 * 12;
    const page1 = [
      { ...line('⻘岛蓝⾕海洋科技园联合', 700), right },
      { ...line('中国海洋', 681), right },
    ];
    expect(textOfLines([page1, [line('大学共建实验室。', 780)]])).toBe(
      '青岛蓝谷海洋科技园联合中国海洋大学共建实验室。',
    );
    const page2 = [{ ...line('青岛蓝谷海洋科技园联合', 700), right }, line('中国海洋大学。', 681)];
    expect(textOfLines([page2, [line('园区企业。', 780)]])).toBe('青岛蓝谷海洋科技园联合中国海洋大学。\n园区企业。');
  });
});

describe('characters a text layer names by their glyph', () => {
  it('reads Kangxi and supplement radicals as the ideographs they are drawn as', () => {
    expect(unifyRadicals('⻘岛蓝⾕⼤学⼭东⻓江⾯向')).toBe('青岛蓝谷大学山东长江面向');
    expect(unifyRadicals('落⼾')).toBe('落户'); // not NFKC's traditional 戶: a simplified Chinese font draws 户
    expect(unifyRadicals('（Ocean）、。')).toBe('（Ocean）、。');
  });

  it('reads the horizontal bar of a Chinese font’s dash as the em dash typed', () => {
    expect(textOfLines([[line('2024江城\u2015云湖科技成果对接大会', 700)]])).toBe('2024江城\u2014云湖科技成果对接大会');
  });
});
