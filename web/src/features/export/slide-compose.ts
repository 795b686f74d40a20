// A slide as a list of shapes in slide units: the network as drawn on screen, framed into the
// slide's network box, its labels placed where they do not collide, the title, legend, footnote
// and date. Both painters (SVG and PNG) draw exactly this, so the two formats agree. Pure: no
// DOM, tested in Node.
import {
  applyFraming,
  boundsOf,
  fitText,
  frameToArea,
  GRAPH_MARGIN,
  inside,
  SLIDE_BOXES,
  type Box,
  type FittedText,
  type Framing,
  type Measure,
  type Point,
} from './slide-layout.ts';

export interface SlideColors {
  background: string;
  text: string;
  muted: string;
  /** The thin line above the footnote. */
  rule: string;
}

/** A node as sigma draws it now: viewport position and radius in CSS pixels, after every layer. */
export interface DrawnNode {
  id: string;
  x: number;
  y: number;
  r: number;
  color: string;
  label: string;
  /** Labelled whatever the room (a small highlighted neighbourhood, a focus). */
  forced: boolean;
  /** The selection or path ends: raised, ringed and labelled in bold. */
  focus: boolean;
  /** Its label was drawn on screen in the last frame. */
  labelShown: boolean;
  z: number;
}

export interface DrawnEdge {
  source: string;
  target: string;
  color: string;
  size: number;
  z: number;
  /** Sigma's program: 'line' has no arrowhead; 'curved' bends by `curvature` (parallel relations). */
  kind: string;
  curvature: number;
}

export interface SceneNode {
  id: string;
  x: number;
  y: number;
  r: number;
  color: string;
  focus: boolean;
}

export interface SceneEdge {
  from: Point;
  /** Where the stroke ends: the arrowhead's base, or the target's centre without one. */
  to: Point;
  /** A quadratic curve's control point (parallel relations bend apart). */
  control?: Point;
  head?: [Point, Point, Point];
  color: string;
  width: number;
}

export type TextRole = 'title' | 'subtitle' | 'label' | 'legend' | 'footnote' | 'date';

export interface SceneText {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  weight: number;
  fill: string;
  anchor: 'start' | 'end';
  role: TextRole;
}

export interface SceneSwatch {
  x: number;
  y: number;
  r: number;
  color: string;
}

export interface SceneRamp extends Box {
  stops: readonly string[];
}

export interface SlideScene {
  /** The title, also the SVG's <title>. */
  title: string;
  colors: SlideColors;
  /** The network's box: edges and nodes are clipped to it. */
  graph: Box;
  edges: SceneEdge[];
  nodes: SceneNode[];
  texts: SceneText[];
  swatches: SceneSwatch[];
  ramp?: SceneRamp;
  rule: { x1: number; x2: number; y: number };
}

export interface SlideLegendInput {
  heading: string;
  /** "Colour: betweenness", when nodes are coloured by a measure instead of their type. */
  colorTitle?: string;
  ramp?: { stops: readonly string[]; min: string; max: string };
  /** Node types (or communities) with their colours. */
  entries: { label: string; color: string }[];
  /** Lines below the entries, e.g. "Size: PageRank". */
  notes: string[];
  /** "+ n more", for entries that do not fit. */
  more(n: number): string;
}

export interface LabelStyle {
  size: number;
  weight: number;
}

export interface SlideContent {
  title: string;
  subtitle: string;
  footnote: string;
  date: string;
  legend: SlideLegendInput;
  colors: SlideColors;
  labels: LabelStyle;
  /** The graph area on screen, in CSS pixels (nodes inside it are what the slide frames). */
  viewport: { width: number; height: number };
}

/** A lone node or a short chain is not blown up beyond this (slide units per screen pixel). */
const MAX_SCALE = 4;
const MIN_RADIUS = 2;
const MAX_RADIUS = 48;
/** Discs a little bolder than on a screen seen from a desk: a slide is seen from across a room. */
const SLIDE_EMPHASIS = 1.5;
/** Labels at the regular theme's size and weight, in slide units (the projector theme's are larger). */
export const SLIDE_LABELS: LabelStyle = { size: 18, weight: 500 };
const MAX_LABELS = 150;
const MAX_LABEL_WIDTH = 480;

type Placed = Map<string, { x: number; y: number; r: number }>;

/**
 * What the slide frames: the nodes on screen now (the user's zoom and pan are kept), all drawn
 * nodes when none is on screen. Node sizes grow with the square root of the magnification, as
 * sigma's own zoom does (so a framed neighbourhood is not a few giant discs), and a little more
 * for the room; `grow` is that factor.
 */
export function placeNodes(
  nodes: readonly DrawnNode[],
  viewport: SlideContent['viewport'],
  graph: Box,
): { placed: Placed; grow: number } {
  const onScreen = nodes.filter((n) => n.x >= 0 && n.y >= 0 && n.x <= viewport.width && n.y <= viewport.height);
  const bounds = boundsOf(onScreen.length > 0 ? onScreen : nodes);
  const framing: Framing = bounds ? frameToArea(bounds, graph, GRAPH_MARGIN, MAX_SCALE) : { scale: 1, dx: 0, dy: 0 };
  const grow = Math.sqrt(framing.scale) * SLIDE_EMPHASIS;
  const placed: Placed = new Map();
  for (const n of nodes) {
    const p = applyFraming(framing, n);
    placed.set(n.id, { ...p, r: Math.min(MAX_RADIUS, Math.max(MIN_RADIUS, n.r * grow)) });
  }
  return { placed, grow };
}

/** A stroke from source to target, bent for parallel relations, with an arrowhead at the target's rim. */
export function edgeGeometry(
  s: { x: number; y: number },
  t: { x: number; y: number; r: number },
  edge: Pick<DrawnEdge, 'kind' | 'curvature' | 'color'>,
  width: number,
): SceneEdge {
  const bend = edge.kind === 'curved' ? edge.curvature : 0;
  // As on screen (and the view's SVG export): the control point lies off the middle of the
  // edge, on the side the curvature's sign gives.
  const control =
    bend !== 0 ? { x: (s.x + t.x) / 2 + bend * (t.y - s.y), y: (s.y + t.y) / 2 - bend * (t.x - s.x) } : undefined;
  const out: SceneEdge = { from: { x: s.x, y: s.y }, to: { x: t.x, y: t.y }, color: edge.color, width };
  if (control) out.control = control;
  if (edge.kind === 'line') return out;
  const towards = control ?? s;
  const length = Math.hypot(t.x - towards.x, t.y - towards.y);
  const head = Math.max(9, width * 4.5);
  if (length <= t.r + head) return out;
  const ux = (t.x - towards.x) / length;
  const uy = (t.y - towards.y) / length;
  const tip = { x: t.x - ux * t.r, y: t.y - uy * t.r };
  const base = { x: tip.x - ux * head, y: tip.y - uy * head };
  const half = head * 0.42;
  out.to = base;
  out.head = [tip, { x: base.x - uy * half, y: base.y + ux * half }, { x: base.x + uy * half, y: base.y - ux * half }];
  return out;
}

function sceneEdges(edges: readonly DrawnEdge[], placed: Placed, graph: Box, grow: number): SceneEdge[] {
  const out: { z: number; edge: SceneEdge }[] = [];
  for (const e of edges) {
    const s = placed.get(e.source);
    const t = placed.get(e.target);
    if (!s || !t || (!inside(graph, s) && !inside(graph, t))) continue;
    const width = Math.min(8, Math.max(1.2, e.size * grow * 0.8));
    out.push({ z: e.z, edge: edgeGeometry(s, t, e, width) });
  }
  return out.sort((a, b) => a.z - b.z).map((x) => x.edge);
}

interface LabelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Boxes bucketed on a grid, so that a label is checked against its neighbours only (10k nodes). */
class BoxGrid {
  private readonly cells = new Map<string, LabelBox[]>();
  constructor(private readonly cell = 64) {}

  private keys(b: LabelBox): string[] {
    const keys: string[] = [];
    for (let cx = Math.floor(b.x0 / this.cell); cx <= Math.floor(b.x1 / this.cell); cx++)
      for (let cy = Math.floor(b.y0 / this.cell); cy <= Math.floor(b.y1 / this.cell); cy++) keys.push(`${cx},${cy}`);
    return keys;
  }

  add(b: LabelBox): void {
    for (const key of this.keys(b)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(b);
      else this.cells.set(key, [b]);
    }
  }

  hits(b: LabelBox): boolean {
    return this.keys(b).some((key) =>
      (this.cells.get(key) ?? []).some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0),
    );
  }
}

type LabelNode = SceneNode & Pick<DrawnNode, 'label' | 'forced' | 'labelShown'>;

/** The largest nodes are named on a slide whether or not the screen had room for their label. */
const HUB_SHARE = 0.05;
const MIN_HUBS = 3;

/** The radius from which a node counts as a hub (the largest 5%, at least 3). */
function hubRadius(nodes: readonly LabelNode[]): number {
  const radii = nodes.map((n) => n.r).sort((a, b) => b - a);
  return radii[Math.min(radii.length, Math.max(MIN_HUBS, Math.ceil(HUB_SHARE * radii.length))) - 1] ?? Infinity;
}

/**
 * Labels right of their node, else left of it, where they collide with no label placed before:
 * forced and focus labels first (drawn even where they collide, as on screen), then those shown
 * on screen and the hubs', then, with the slide's extra room, the larger nodes' (which must also
 * keep off other nodes' discs). None leaves `bounds`.
 */
export function placeLabels(
  nodes: readonly LabelNode[],
  bounds: Box,
  style: LabelStyle & { color: string },
  measure: Measure,
): SceneText[] {
  const hub = hubRadius(nodes);
  // 0: forced or focus (drawn even where they collide), 1: shown on screen or a hub, 2: extra.
  const labelRank = (n: LabelNode) => (n.forced || n.focus ? 0 : n.labelShown || n.r >= hub ? 1 : 2);
  const candidates = nodes
    .filter((n) => n.label.trim() !== '')
    .sort((a, b) => labelRank(a) - labelRank(b) || b.r - a.r);
  const labels = new BoxGrid();
  const discs = new BoxGrid();
  for (const n of nodes) discs.add({ x0: n.x - n.r, y0: n.y - n.r, x1: n.x + n.r, y1: n.y + n.r });
  const fits = (b: LabelBox) =>
    b.x0 >= bounds.x && b.x1 <= bounds.x + bounds.width && b.y0 >= bounds.y && b.y1 <= bounds.y + bounds.height;
  const out: SceneText[] = [];
  for (const n of candidates) {
    if (out.length >= MAX_LABELS) break;
    const rank = labelRank(n);
    const size = n.focus ? style.size + 2 : style.size;
    const weight = n.focus ? Math.max(600, style.weight + 100) : style.weight;
    const fitted = fitText(n.label, MAX_LABEL_WIDTH, { size, minSize: size, weight }, measure);
    const width = measure(fitted.text, size, weight);
    const [y0, y1] = [n.y - size * 0.62, n.y + size * 0.62];
    const sides = [
      { x0: n.x + n.r + 4, y0, x1: n.x + n.r + 4 + width, y1 },
      { x0: n.x - n.r - 4 - width, y0, x1: n.x - n.r - 4, y1 },
    ].filter(fits);
    const box =
      sides.find((b) => !labels.hits(b) && (rank < 2 || !discs.hits(b))) ?? (rank === 0 ? sides[0] : undefined);
    if (!box) continue;
    labels.add(box);
    out.push({
      text: fitted.text,
      x: box.x0,
      y: n.y + size * 0.35,
      size,
      weight,
      fill: style.color,
      anchor: 'start',
      role: 'label',
    });
  }
  return out;
}

export interface LegendShapes {
  texts: SceneText[];
  swatches: SceneSwatch[];
  ramp?: SceneRamp;
}

const ROW = 36;
const RAMP_WIDTH = 300;

interface LegendLine {
  y: number;
  size: number;
  weight?: number;
  muted?: boolean;
  x?: number;
  width?: number;
  anchor?: 'start' | 'end';
}

/** The legend column: heading, the colour scale or the coloured entries, then notes; what does not fit is counted. */
export function layoutLegend(legend: SlideLegendInput, box: Box, colors: SlideColors, measure: Measure): LegendShapes {
  const out: LegendShapes = { texts: [], swatches: [] };
  const text = (value: string, at: LegendLine) => {
    const weight = at.weight ?? 400;
    const fitted = fitText(
      value,
      at.width ?? box.width,
      { size: at.size, minSize: Math.min(at.size, 15), weight },
      measure,
    );
    const fill = at.muted ? colors.muted : colors.text;
    out.texts.push({
      ...fitted,
      x: at.x ?? box.x,
      y: at.y,
      weight,
      fill,
      anchor: at.anchor ?? 'start',
      role: 'legend',
    });
  };
  let y = box.y + 26;
  text(legend.heading, { y, size: 24, weight: 600 });
  y += ROW + 4;
  if (legend.colorTitle) {
    text(legend.colorTitle, { y, size: 20, weight: 500 });
    y += ROW;
  }
  if (legend.ramp) {
    const width = Math.min(RAMP_WIDTH, box.width);
    out.ramp = { x: box.x, y: y - 22, width, height: 18, stops: legend.ramp.stops };
    y += 22;
    text(legend.ramp.min, { y, size: 18, muted: true, width: width / 2 });
    text(legend.ramp.max, { y, size: 18, muted: true, width: width / 2, x: box.x + width, anchor: 'end' });
    y += ROW;
  }
  const room = Math.max(0, Math.floor((box.y + box.height - y - legend.notes.length * ROW) / ROW));
  const shown = legend.entries.length > room ? Math.max(0, room - 1) : legend.entries.length;
  for (const entry of legend.entries.slice(0, shown)) {
    out.swatches.push({ x: box.x + 10, y: y - 7, r: 10, color: entry.color });
    text(entry.label, { y, size: 20, x: box.x + 30, width: box.width - 30 });
    y += ROW;
  }
  if (shown < legend.entries.length) {
    text(legend.more(legend.entries.length - shown), { y, size: 18, muted: true });
    y += ROW;
  }
  for (const note of legend.notes) {
    text(note, { y, size: 18, muted: true });
    y += ROW;
  }
  return out;
}

/** Title and subtitle above, footnote and date below, each fitted to its line. */
export function frameTexts(content: SlideContent, measure: Measure): SceneText[] {
  const { left, right } = SLIDE_BOXES;
  const { colors } = content;
  const width = right - left;
  const date = fitText(content.date, 420, { size: 20, minSize: 14, weight: 400 }, measure);
  const dateWidth = measure(date.text, date.size, 400);
  const line = (
    text: FittedText,
    y: number,
    weight: number,
    fill: string,
    role: TextRole,
    anchor: 'start' | 'end' = 'start',
  ) => ({ ...text, x: anchor === 'start' ? left : right, y, weight, fill, anchor, role }) satisfies SceneText;
  return [
    line(
      fitText(content.title, width, { size: 52, minSize: 30, weight: 700 }, measure),
      SLIDE_BOXES.titleBaseline,
      700,
      colors.text,
      'title',
    ),
    line(
      fitText(content.subtitle, width, { size: 24, minSize: 16, weight: 400 }, measure),
      SLIDE_BOXES.subtitleBaseline,
      400,
      colors.muted,
      'subtitle',
    ),
    line(
      fitText(content.footnote, width - dateWidth - 40, { size: 20, minSize: 14, weight: 400 }, measure),
      SLIDE_BOXES.footerBaseline,
      400,
      colors.muted,
      'footnote',
    ),
    line(date, SLIDE_BOXES.footerBaseline, 400, colors.muted, 'date', 'end'),
  ];
}

/** The whole slide from what sigma draws now. */
export function composeSlide(
  nodes: readonly DrawnNode[],
  edges: readonly DrawnEdge[],
  content: SlideContent,
  measure: Measure,
): SlideScene {
  const graph = SLIDE_BOXES.graph;
  const { placed, grow } = placeNodes(nodes, content.viewport, graph);
  const shown = nodes
    .flatMap((n) => {
      const at = placed.get(n.id);
      return at && inside(graph, at) ? [{ ...n, ...at }] : [];
    })
    .sort((a, b) => a.z - b.z || b.r - a.r);
  // Labels may reach into the gap before the legend, never into it.
  const labelBounds = { ...graph, x: graph.x - 24, width: graph.width + 40 };
  const legend = layoutLegend(content.legend, SLIDE_BOXES.legend, content.colors, measure);
  return {
    title: content.title,
    colors: content.colors,
    graph,
    edges: sceneEdges(edges, placed, graph, grow),
    nodes: shown.map(({ id, x, y, r, color, focus }) => ({ id, x, y, r, color, focus })),
    texts: [
      ...placeLabels(shown, labelBounds, { ...content.labels, color: content.colors.text }, measure),
      ...legend.texts,
      ...frameTexts(content, measure),
    ],
    swatches: legend.swatches,
    ...(legend.ramp ? { ramp: legend.ramp } : {}),
    rule: { x1: SLIDE_BOXES.left, x2: SLIDE_BOXES.right, y: SLIDE_BOXES.ruleY },
  };
}
