import { describe, expect, it } from 'vitest';
import { splitClauses, splitSentences } from './sentences.ts';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('sentence splitting', () => {
  it('ends sentences at Chinese and Latin stops, each verbatim with its offsets', () => {
    const text = '崂山区召开大会。会上发布了方案！是否成功？Haier grew 4.32% in 2023. It won.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      '崂山区召开大会。',
      '会上发布了方案！',
      '是否成功？',
      'Haier grew 4.32% in 2023.',
      'It won.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps quotes and titles whole, and a closing quote with its sentence', () => {
    expect(texts('他说：“会议很成功。大家都满意。”随后散会。')).toEqual(['他说：“会议很成功。大家都满意。”随后散会。']);
    expect(texts('出台《关于加快发展的意见。试行》。次日实施。')).toEqual([
      '出台《关于加快发展的意见。试行》。',
      '次日实施。',
    ]);
    expect(texts('他说：“好。”')).toEqual(['他说：“好。”']);
  });

  it('runs a line that breaks off mid-sentence on into the next, and reads it without the break', () => {
    const text = '已聚集3所驻区高校、14家科研院所,市级以上\n\n科技创新平台总数突破300家。推动集聚。';
    const [first, second] = splitSentences(text);
    expect(first?.text).toBe('已聚集3所驻区高校、14家科研院所,市级以上\n\n科技创新平台总数突破300家。');
    expect(first?.flat).toBe('已聚集3所驻区高校、14家科研院所,市级以上科技创新平台总数突破300家。');
    expect(first?.offsets[first.flat.indexOf('科技创新平台')]).toBe(text.indexOf('科技创新平台'));
    expect(second?.text).toBe('推动集聚。');
  });

  it('takes a short line without punctuation for a heading, and counts paragraphs', () => {
    const sentences = splitSentences('科创脚步不停 成果灿若繁星\n\n崂山区召开大会。会上发布方案。\n\n下一段。');
    expect(sentences.map((s) => [s.heading, s.paragraph])).toEqual([
      [true, 0],
      [false, 1],
      [false, 1],
      [false, 2],
    ]);
  });
});

describe('clause splitting', () => {
  it('splits at commas, semicolons, colons and spaces between Chinese words, not inside brackets', () => {
    const flat = '崂山区召开大会 建设强区，出台《规划，纲要》；组建了委员会';
    expect(splitClauses(flat).map((c) => flat.slice(c.start, c.end))).toEqual([
      '崂山区召开大会',
      '建设强区',
      '出台《规划，纲要》',
      '组建了委员会',
    ]);
  });
});
