import { describe, expect, it } from 'vitest';
import {
  applyFraming,
  escapeXml,
  estimateWidth,
  fitText,
  footnoteText,
  frameToArea,
  GRAPH_MARGIN,
  SLIDE,
  SLIDE_BOXES,
  SLIDE_PNG_SIZES,
} from './slide-layout.ts';

describe('the slide page', () => {
  it('is 16:9 at every size offered, and its boxes stay on the page without overlapping', () => {
    expect(SLIDE.width / SLIDE.height).toBeCloseTo(16 / 9, 6);
    for (const { width, height } of SLIDE_PNG_SIZES) expect(width / height).toBeCloseTo(16 / 9, 6);
    expect(SLIDE_PNG_SIZES.map((s) => s.width)).toEqual([1280, 1920, 3840]);
    const { graph, legend } = SLIDE_BOXES;
    expect(graph.x).toBeGreaterThan(0);
    expect(graph.x + graph.width).toBeLessThan(legend.x);
    expect(legend.x + legend.width).toBeLessThanOrEqual(SLIDE.width);
    expect(graph.y).toBeGreaterThan(SLIDE_BOXES.subtitleBaseline);
    expect(graph.y + graph.height).toBeLessThan(SLIDE_BOXES.ruleY);
    expect(SLIDE_BOXES.footerBaseline).toBeLessThan(SLIDE.height);
  });
});

describe('framing the drawing into the slide', () => {
  const area = { x: 100, y: 200, width: 1400, height: 800 };

  it('fits a wide drawing to the width, keeps proportions, centres it and leaves the margins free', () => {
    const bounds = { minX: 10, minY: 10, maxX: 1010, maxY: 210 };
    const f = frameToArea(bounds, area, 40, 10);
    const a = applyFraming(f, { x: bounds.minX, y: bounds.minY });
    const b = applyFraming(f, { x: bounds.maxX, y: bounds.maxY });
    expect(a.x).toBeCloseTo(area.x + 40);
    expect(b.x).toBeCloseTo(area.x + area.width - 40);
    // Same scale both ways: 1000 × 200 stays 5:1.
    expect((b.x - a.x) / (b.y - a.y)).toBeCloseTo(5);
    expect((a.y + b.y) / 2).toBeCloseTo(area.y + area.height / 2);
    expect(a.y).toBeGreaterThan(area.y + 40);
  });

  it('fits a tall drawing to the height', () => {
    const f = frameToArea({ minX: 0, minY: 0, maxX: 100, maxY: 1000 }, area, GRAPH_MARGIN, 10);
    const top = applyFraming(f, { x: 0, y: 0 });
    const bottom = applyFraming(f, { x: 100, y: 1000 });
    expect(top.y).toBeCloseTo(area.y + GRAPH_MARGIN);
    expect(bottom.y).toBeCloseTo(area.y + area.height - GRAPH_MARGIN);
    expect((top.x + bottom.x) / 2).toBeCloseTo(area.x + area.width / 2);
  });

  it('puts a lone node in the middle, and does not blow a tiny drawing up beyond the cap', () => {
    const lone = frameToArea({ minX: 5, minY: 7, maxX: 5, maxY: 7 }, area, 40, 4);
    expect(lone.scale).toBe(4);
    expect(applyFraming(lone, { x: 5, y: 7 })).toEqual({ x: 800, y: 600 });
    const small = frameToArea({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, area, 40, 4);
    expect(small.scale).toBe(4);
  });
});

describe('text on the slide', () => {
  it('shrinks a long line to fit, then cuts it with an ellipsis', () => {
    expect(fitText('崂山', 500, { size: 40, minSize: 20, weight: 400 }, estimateWidth)).toEqual({
      text: '崂山',
      size: 40,
    });
    const shrunk = fitText('崂山区科技创新生态', 270, { size: 40, minSize: 20, weight: 400 }, estimateWidth);
    expect(shrunk.text).toBe('崂山区科技创新生态');
    expect(shrunk.size).toBe(30);
    const cut = fitText('崂山区科技创新生态', 100, { size: 40, minSize: 20, weight: 400 }, estimateWidth);
    expect(cut.size).toBe(20);
    expect(cut.text).toBe('崂山区科…');
    expect(estimateWidth(cut.text, 20)).toBeLessThanOrEqual(100);
    // Never half of a character outside the Basic Multilingual Plane.
    const emoji = fitText('😀😀😀😀😀😀', 60, { size: 20, minSize: 20, weight: 400 }, estimateWidth);
    expect(emoji.text).toBe('😀😀…');
  });

  it('footnote: the sources by title and date, then how many more; the dataset when none is known', () => {
    const source = { title: '崂山区召开科技创新大会 建设具有引领作用的科创强区', date: '2024-06-19' };
    expect(footnoteText('zh', { sources: [source], total: 1, datasetTitle: '崂山区科技创新生态' })).toBe(
      '来源:崂山区召开科技创新大会 建设具有引领作用的科创强区 (2024-06-19)',
    );
    const three = [source, { title: 'nodes.csv' }, { title: 'edges.csv' }];
    expect(footnoteText('en', { sources: three, total: 7, datasetTitle: 'x' })).toBe(
      'Source: 崂山区召开科技创新大会 建设具有引领作用的科创强区 (2024-06-19); nodes.csv and 5 more',
    );
    expect(footnoteText('en', { sources: [], total: 3, datasetTitle: 'Laoshan' })).toBe(
      'Laoshan · evidence: 3 sources',
    );
    expect(footnoteText('zh', { sources: [{ title: '  ' }], total: 0, datasetTitle: '崂山' })).toBe('崂山');
  });
});

describe('escaping for SVG', () => {
  it('turns markup characters into entities, in text and attributes alike', () => {
    expect(escapeXml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;',
    );
    expect(escapeXml('海尔集团 &amp;')).toBe('海尔集团 &amp;amp;');
  });

  it('drops what XML cannot hold, keeps every real character', () => {
    expect(escapeXml('a\u0000b\u0007c\u001fd\ufffe')).toBe('abcd');
    expect(escapeXml('tab\tnewline\n')).toBe('tab\tnewline\n');
    expect(escapeXml('lone \ud800 surrogate')).toBe('lone  surrogate');
    expect(escapeXml('𠀀 😀')).toBe('𠀀 😀');
  });
});
