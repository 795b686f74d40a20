// The view as a picture: PNG at 1×, 2× or 4× and SVG, each with a title and the legend.
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../../graph/build.ts';
import { LABEL_FONT } from '../../graph/fonts.ts';

export interface LegendItem {
  label: string;
  color: string;
}

export interface PictureFrame {
  /** Page and text colours of the theme the picture is taken in. */
  background: string;
  text: string;
  muted: string;
  title: string;
  subtitle: string;
  legend: LegendItem[];
}

const HEADER = 56;
const LEGEND_ROW = 22;

function legendHeight(items: number, columns: number): number {
  return Math.ceil(items / columns) * LEGEND_ROW + 16;
}

/** Draws the network at `scale` times the on-screen size, framed with title and legend. */
export async function renderPng(
  view: Sigma<NodeAttributes, EdgeAttributes>,
  scale: number,
  frame: PictureFrame,
): Promise<Blob> {
  // The plugin is typed for sigma's default attribute types; ours only add fields to them.
  const sigma = view as unknown as Sigma;
  const { width, height } = sigma.getDimensions();
  const settings = sigma.getSettings();
  const nodeReducer = settings.nodeReducer;
  const edgeReducer = settings.edgeReducer;
  const network = await drawOnCanvas(sigma, {
    width: width * scale,
    height: height * scale,
    backgroundColor: frame.background,
    cameraState: sigma.getCamera().getState(),
    sigmaSettings: {
      labelSize: settings.labelSize * scale,
      labelGridCellSize: settings.labelGridCellSize * scale,
      stagePadding: settings.stagePadding * scale,
      nodeReducer: (node, data) => {
        const reduced = nodeReducer ? nodeReducer(node, data) : data;
        return { ...reduced, size: (reduced.size ?? data.size) * scale };
      },
      edgeReducer: (edge, data) => {
        const reduced = edgeReducer ? edgeReducer(edge, data) : data;
        return { ...reduced, size: (reduced.size ?? data.size) * scale };
      },
    },
  });
  const columns = 4;
  const out = document.createElement('canvas');
  out.width = width * scale;
  out.height = (HEADER + legendHeight(frame.legend.length, columns)) * scale + network.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = frame.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = frame.text;
  ctx.font = `600 ${20 * scale}px ${LABEL_FONT}`;
  ctx.fillText(frame.title, 16 * scale, 28 * scale);
  ctx.fillStyle = frame.muted;
  ctx.font = `${12 * scale}px ${LABEL_FONT}`;
  ctx.fillText(frame.subtitle, 16 * scale, 48 * scale);
  ctx.drawImage(network, 0, HEADER * scale);
  const legendTop = HEADER * scale + network.height + 8 * scale;
  const columnWidth = out.width / columns;
  frame.legend.forEach((item, i) => {
    const x = (i % columns) * columnWidth + 16 * scale;
    const y = legendTop + Math.floor(i / columns) * LEGEND_ROW * scale + 10 * scale;
    ctx.fillStyle = item.color;
    ctx.beginPath();
    ctx.arc(x + 6 * scale, y, 6 * scale, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = frame.text;
    ctx.fillText(item.label, x + 18 * scale, y + 4 * scale);
  });
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

/** The drawing as SVG: visible edges as lines, nodes as circles, labels as text (escaped). */
export function renderSvg(sigma: Sigma<NodeAttributes, EdgeAttributes>, frame: PictureFrame): string {
  const { width, height } = sigma.getDimensions();
  const graph = sigma.getGraph();
  const columns = 4;
  const totalHeight = HEADER + height + legendHeight(frame.legend.length, columns);
  const at = (node: string) => {
    const d = sigma.getNodeDisplayData(node);
    if (!d || d.hidden) return undefined;
    const p = sigma.framedGraphToViewport({ x: d.x, y: d.y });
    return {
      x: p.x,
      y: p.y + HEADER,
      r: sigma.scaleSize(d.size),
      color: d.color,
      label: d.label,
      forceLabel: d.forceLabel,
    };
  };
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${totalHeight}" viewBox="0 0 ${width} ${totalHeight}" font-family='${LABEL_FONT.replace(/'/g, '')}'>`,
    `<rect width="100%" height="100%" fill="${escapeXml(frame.background)}"/>`,
    `<text x="16" y="28" font-size="20" font-weight="600" fill="${escapeXml(frame.text)}">${escapeXml(frame.title)}</text>`,
    `<text x="16" y="48" font-size="12" fill="${escapeXml(frame.muted)}">${escapeXml(frame.subtitle)}</text>`,
    '<g class="edges">',
  ];
  graph.forEachEdge((edge, attrs, source, target) => {
    const e = sigma.getEdgeDisplayData(edge);
    const s = at(source);
    const t = at(target);
    if (!e || e.hidden || !s || !t) return;
    const stroke = `stroke="${escapeXml(e.color)}" stroke-width="${Math.max(0.5, e.size).toFixed(1)}"`;
    const bend = attrs.curvature ?? 0;
    if (bend === 0) {
      parts.push(
        `<line x1="${s.x.toFixed(1)}" y1="${s.y.toFixed(1)}" x2="${t.x.toFixed(1)}" y2="${t.y.toFixed(1)}" ${stroke}/>`,
      );
      return;
    }
    // Parallel relations bend apart as on screen: a quadratic curve through a control point
    // off the middle of the edge, on the side the curvature's sign gives.
    const cx = (s.x + t.x) / 2 + bend * (t.y - s.y);
    const cy = (s.y + t.y) / 2 - bend * (t.x - s.x);
    parts.push(
      `<path d="M${s.x.toFixed(1)},${s.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${t.x.toFixed(1)},${t.y.toFixed(1)}" fill="none" ${stroke}/>`,
    );
  });
  parts.push('</g><g class="nodes">');
  const labels: string[] = [];
  graph.forEachNode((node) => {
    const n = at(node);
    if (!n) return;
    parts.push(
      `<circle cx="${n.x.toFixed(1)}" cy="${n.y.toFixed(1)}" r="${n.r.toFixed(1)}" fill="${escapeXml(n.color)}" data-id="${escapeXml(node)}"/>`,
    );
    if (n.label && (n.forceLabel || n.r >= 6))
      labels.push(
        `<text x="${(n.x + n.r + 3).toFixed(1)}" y="${(n.y + 4).toFixed(1)}" font-size="12" fill="${escapeXml(frame.text)}">${escapeXml(n.label)}</text>`,
      );
  });
  parts.push('</g><g class="labels">', ...labels, '</g><g class="legend">');
  const columnWidth = width / columns;
  frame.legend.forEach((item, i) => {
    const x = (i % columns) * columnWidth + 16;
    const y = HEADER + height + 18 + Math.floor(i / columns) * LEGEND_ROW;
    parts.push(
      `<circle cx="${x + 6}" cy="${y}" r="6" fill="${escapeXml(item.color)}"/><text x="${x + 18}" y="${y + 4}" font-size="12" fill="${escapeXml(frame.text)}">${escapeXml(item.label)}</text>`,
    );
  });
  parts.push('</g></svg>');
  return parts.join('\n');
}
