import { describe, expect, it } from 'vitest';
import {
  composeSlide,
  edgeGeometry,
  placeLabels,
  SLIDE_LABELS,
  type DrawnEdge,
  type DrawnNode,
  type SlideContent,
} from './slide-compose.ts';
import { estimateWidth, inside, SLIDE_BOXES } from './slide-layout.ts';
import { slideSvg } from './slide-svg.ts';

const node = (id: string, x: number, y: number, extra: Partial<DrawnNode> = {}): DrawnNode => ({
  id,
  x,
  y,
  r: 6,
  color: '#e15759',
  label: id,
  forced: false,
  focus: false,
  labelShown: true,
  z: 0,
  ...extra,
});

const edge = (source: string, target: string, extra: Partial<DrawnEdge> = {}): DrawnEdge => ({
  source,
  target,
  color: '#c3c8d2',
  size: 1,
  z: 0,
  kind: 'arrow',
  curvature: 0,
  ...extra,
});

const content: SlideContent = {
  title: '崂山区科技创新生态 <第一步> & "平台"',
  subtitle: '100 个节点 · 121 条关系',
  footnote: '来源:崂山区召开科技创新大会 建设具有引领作用的科创强区 (2024-06-19)',
  date: '导出日期 2026-01-02',
  legend: {
    heading: '图例',
    entries: [
      { label: '企业', color: '#e15759' },
      { label: '<b>高校</b>', color: '#4e79a7' },
    ],
    notes: [],
    more: (n) => `+${n}`,
  },
  colors: { background: '#0f1420', text: '#e8ecf3', muted: '#9aa4b5', rule: '#2a3345' },
  labels: SLIDE_LABELS,
  viewport: { width: 1200, height: 800 },
};

const nodes = [
  node('firm/haier', 100, 100, { label: '海尔集团', focus: true }),
  node('firm/<img src=x>', 600, 400, { label: '<img src=x onerror="alert(1)">' }),
  node('uni/ouc', 1100, 700, { label: 'A & B' }),
  // Off screen: framed out, not drawn.
  node('far', 5000, 5000),
];

describe('a slide of the drawn network', () => {
  const scene = composeSlide(
    nodes,
    [
      edge('firm/haier', 'uni/ouc'),
      edge('uni/ouc', 'firm/haier', { kind: 'curved', curvature: 0.2 }),
      edge('firm/haier', 'far', { kind: 'line' }),
    ],
    content,
    estimateWidth,
  );

  it('frames the nodes on screen into the network box, and leaves out those outside it', () => {
    expect(scene.nodes.map((n) => n.id).sort()).toEqual(['firm/<img src=x>', 'firm/haier', 'uni/ouc']);
    for (const n of scene.nodes) expect(inside(SLIDE_BOXES.graph, n)).toBe(true);
    // The drawing fills the box's width or height (less the margins).
    const xs = scene.nodes.map((n) => n.x);
    const ys = scene.nodes.map((n) => n.y);
    const fillsWidth = Math.max(...xs) - Math.min(...xs) > SLIDE_BOXES.graph.width - 2 * 48 - 1;
    const fillsHeight = Math.max(...ys) - Math.min(...ys) > SLIDE_BOXES.graph.height - 2 * 48 - 1;
    expect(fillsWidth || fillsHeight).toBe(true);
    // An edge to a node off the slide is still drawn from its visible end (clipped).
    expect(scene.edges).toHaveLength(3);
  });

  it('writes an SVG of text and shapes: title, footnote, date, a circle per node, everything escaped', () => {
    const svg = slideSvg(scene);
    expect(svg).toContain('viewBox="0 0 1920 1080"');
    expect(svg).toContain('font-family="&quot;Noto Sans CJK SC&quot;');
    expect(svg).toContain('Microsoft YaHei');
    expect(svg.match(/<circle [^>]*data-id=/g)).toHaveLength(3);
    expect(svg).toContain('data-id="firm/&lt;img src=x&gt;"');
    expect(svg).toContain('>崂山区科技创新生态 &lt;第一步&gt; &amp; &quot;平台&quot;</text>');
    expect(svg).toContain('>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</text>');
    expect(svg).toContain('>A &amp; B</text>');
    expect(svg).toContain('>&lt;b&gt;高校&lt;/b&gt;</text>');
    expect(svg).toContain('class="footnote"');
    expect(svg).toContain('导出日期 2026-01-02');
    // A curve for the parallel relation, arrowheads on directed ones, none on the plain line.
    expect(svg.match(/<path d="M[^"]* Q/g)).toHaveLength(1);
    expect(svg.match(/<polygon /g)).toHaveLength(2);
    expect(svg).not.toMatch(/<script|<foreignObject|<image|href=/i);
    // Every markup character from the data is an entity: no raw < inside a text element.
    for (const [, inner] of svg.matchAll(/<text [^>]*>([^]*?)<\/text>/g)) expect(inner).not.toMatch(/[<>]/);
  });

  it('rings and bolds the focus node', () => {
    expect(slideSvg(scene)).toMatch(/<circle [^>]*stroke="#e8ecf3"[^>]*data-id="firm\/haier"/);
    expect(scene.texts.find((t) => t.text === '海尔集团')?.weight).toBe(600);
  });
});

describe('shapes', () => {
  it('an arrowhead ends at the target disc, and the stroke stops at its base', () => {
    const e = edgeGeometry({ x: 0, y: 0 }, { x: 100, y: 0, r: 10 }, { kind: 'arrow', curvature: 0, color: '#000' }, 2);
    expect(e.head?.[0]).toEqual({ x: 90, y: 0 });
    expect(e.to.x).toBeCloseTo(81);
    const line = edgeGeometry(
      { x: 0, y: 0 },
      { x: 100, y: 0, r: 10 },
      { kind: 'line', curvature: 0, color: '#000' },
      2,
    );
    expect(line.head).toBeUndefined();
    expect(line.to).toEqual({ x: 100, y: 0 });
  });

  it('labels avoid each other: forced ones first, then right of the node, else left, else left out', () => {
    const box = { x: 0, y: 0, width: 1000, height: 500 };
    const at = (id: string, x: number, forced = false) => ({
      id,
      x,
      y: 100,
      r: 5,
      color: '#000',
      focus: false,
      label: 'Long label here',
      forced,
      labelShown: true,
    });
    const labels = placeLabels(
      [at('a', 400), at('b', 420), at('c', 440), at('d', 430, true)],
      box,
      { ...SLIDE_LABELS, color: '#111' },
      estimateWidth,
    );
    const width = estimateWidth('Long label here', 18, 500);
    // The forced one comes first, on its right; the next goes to the left of its node; the
    // others find no free place on either side and are left out.
    expect(labels.map((l) => Math.round(l.x))).toEqual([439, Math.round(391 - width)]);
  });

  it('a label the screen did not show is added only where it covers no other node, but hubs are named', () => {
    const box = { x: 0, y: 0, width: 1000, height: 500 };
    const at = (id: string, x: number, y: number, r = 5) => ({
      id,
      x,
      y,
      r,
      color: '#000',
      focus: false,
      label: id,
      forced: false,
      labelShown: false,
    });
    // "blocked" has a disc right of it and left of it; "free" has room on its right; the three
    // largest nodes are hubs, named even where small discs surround them.
    const nodes = [
      at('blocked', 500, 100),
      at('l', 470, 100),
      at('r', 530, 100),
      at('free', 500, 300),
      at('hub', 200, 100, 12),
      at('a', 170, 100),
      at('b', 230, 100),
      at('hub2', 200, 400, 12),
      at('hub3', 800, 400, 12),
    ];
    const placed = placeLabels(nodes, box, { ...SLIDE_LABELS, color: '#111' }, estimateWidth).map((l) => l.text);
    expect(placed).toEqual(expect.arrayContaining(['free', 'hub', 'hub2', 'hub3']));
    expect(placed).not.toContain('blocked');
  });
});
