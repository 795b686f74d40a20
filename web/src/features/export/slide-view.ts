// What a slide reads from the page: the network as sigma drew it in its last frame (after every
// display layer: filters, highlights, metric sizes and colours), the theme's colours, and text
// measured in the slide's font.
import type { GraphRenderer } from '../../core/renderer.ts';
import { PALETTES, type Palette } from '../../graph/theme.ts';
import { SLIDE_LABELS, type DrawnEdge, type DrawnNode, type LabelStyle, type SlideColors } from './slide-compose.ts';
import { estimateWidth, SLIDE_FONT, type Measure } from './slide-layout.ts';

export interface DrawnNetwork {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  viewport: { width: number; height: number };
}

export function drawnNetwork(renderer: GraphRenderer): DrawnNetwork {
  const sigma = renderer.sigma;
  const labelled = new Set(renderer.displayedLabels());
  const nodes: DrawnNode[] = [];
  const stage = sigma.getGraph();
  stage.forEachNode((id) => {
    const d = sigma.getNodeDisplayData(id);
    if (!d || d.hidden) return;
    const p = sigma.framedGraphToViewport({ x: d.x, y: d.y });
    nodes.push({
      id,
      x: p.x,
      y: p.y,
      r: sigma.scaleSize(d.size),
      color: d.color,
      label: typeof d.label === 'string' ? d.label : '',
      forced: d.forceLabel === true,
      focus: d.highlighted === true,
      labelShown: labelled.has(id),
      z: d.zIndex ?? 0,
    });
  });
  const edges: DrawnEdge[] = [];
  // The stage keys its edges by number; the extremities are the model's node ids.
  stage.forEachEdge((key, attrs, source, target) => {
    const e = sigma.getEdgeDisplayData(key);
    if (!e || e.hidden) return;
    edges.push({
      source,
      target,
      color: e.color,
      size: e.size,
      z: e.zIndex ?? 0,
      kind: attrs.type,
      curvature: attrs.curvature ?? 0,
    });
  });
  return { nodes, edges, viewport: sigma.getDimensions() };
}

/**
 * The page's colours as the theme sets them (CSS variables, whatever the theme), the labels'
 * colour from the canvas palette.
 */
export function themeColors(palette: Palette): SlideColors {
  const css = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--bg', '#ffffff'),
    text: palette.label,
    muted: read('--muted', palette.highlightEdge),
    rule: read('--border', palette.edge),
  };
}

/** Labels as much larger and bolder than the regular theme's as the theme's own (the projector's). */
export function labelStyle(palette: Palette): LabelStyle {
  const weight = Number(palette.labelWeight);
  return {
    size: SLIDE_LABELS.size * (palette.labelSize / PALETTES.light.labelSize),
    weight: Number.isFinite(weight) ? weight : SLIDE_LABELS.weight,
  };
}

/** Widths measured by the browser in the slide's font (an estimate if no canvas is at hand). */
export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return estimateWidth;
  return (text, size, weight) => {
    ctx.font = `${weight} ${size}px ${SLIDE_FONT}`;
    return ctx.measureText(text).width;
  };
}
