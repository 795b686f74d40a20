// A slide as SVG (viewBox 1920×1080, scales to any size): edges as lines and quadratic curves
// with their arrowheads as triangles, nodes as circles, every text — Chinese included — as
// <text> in a font stack found on stock Windows, macOS and Linux. Everything from the data is
// escaped text; nothing is scripted, embedded or referenced from outside. Pure: tested in Node.
import type { SceneEdge, SceneText, SlideScene } from './slide-compose.ts';
import { escapeXml, SLIDE, SLIDE_FONT, type Point } from './slide-layout.ts';

const n = (value: number) => value.toFixed(1);
const pt = (p: Point) => `${n(p.x)},${n(p.y)}`;
const attr = (value: string) => `"${escapeXml(value)}"`;

function edgeSvg(e: SceneEdge): string {
  const stroke = `stroke=${attr(e.color)} stroke-width="${n(e.width)}" stroke-linecap="round"`;
  const line = e.control
    ? `<path d="M${pt(e.from)} Q${pt(e.control)} ${pt(e.to)}" fill="none" ${stroke}/>`
    : `<line x1="${n(e.from.x)}" y1="${n(e.from.y)}" x2="${n(e.to.x)}" y2="${n(e.to.y)}" ${stroke}/>`;
  return e.head ? `${line}<polygon points="${e.head.map(pt).join(' ')}" fill=${attr(e.color)}/>` : line;
}

function textSvg(text: SceneText): string {
  const anchor = text.anchor === 'end' ? ' text-anchor="end"' : '';
  return `<text class="${text.role}" x="${n(text.x)}" y="${n(text.y)}" font-size="${n(text.size)}" font-weight="${text.weight}" fill=${attr(text.fill)}${anchor}>${escapeXml(text.text)}</text>`;
}

export function slideSvg(scene: SlideScene): string {
  const { colors, graph } = scene;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SLIDE.width}" height="${SLIDE.height}" viewBox="0 0 ${SLIDE.width} ${SLIDE.height}" font-family=${attr(SLIDE_FONT)}>`,
    `<title>${escapeXml(scene.title)}</title>`,
    '<defs>',
    `<clipPath id="slide-graph"><rect x="${n(graph.x)}" y="${n(graph.y)}" width="${n(graph.width)}" height="${n(graph.height)}"/></clipPath>`,
  ];
  if (scene.ramp) {
    const last = Math.max(1, scene.ramp.stops.length - 1);
    const stops = scene.ramp.stops.map(
      (c, i) => `<stop offset="${((i / last) * 100).toFixed(0)}%" stop-color=${attr(c)}/>`,
    );
    parts.push(`<linearGradient id="slide-ramp">${stops.join('')}</linearGradient>`);
  }
  parts.push(
    '</defs>',
    `<rect width="100%" height="100%" fill=${attr(colors.background)}/>`,
    '<g clip-path="url(#slide-graph)">',
    '<g class="edges">',
    ...scene.edges.map(edgeSvg),
    '</g>',
    '<g class="nodes">',
  );
  for (const node of scene.nodes) {
    const ring = node.focus ? ` stroke=${attr(colors.text)} stroke-width="3"` : '';
    parts.push(
      `<circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(node.r)}" fill=${attr(node.color)}${ring} data-id=${attr(node.id)}/>`,
    );
  }
  parts.push('</g>', '</g>', '<g class="texts">', ...scene.texts.map(textSvg), '</g>', '<g class="legend-marks">');
  for (const s of scene.swatches)
    parts.push(`<circle class="swatch" cx="${n(s.x)}" cy="${n(s.y)}" r="${n(s.r)}" fill=${attr(s.color)}/>`);
  if (scene.ramp) {
    const r = scene.ramp;
    parts.push(
      `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.width)}" height="${n(r.height)}" rx="3" fill="url(#slide-ramp)"/>`,
    );
  }
  parts.push(
    '</g>',
    `<line class="rule" x1="${n(scene.rule.x1)}" y1="${n(scene.rule.y)}" x2="${n(scene.rule.x2)}" y2="${n(scene.rule.y)}" stroke=${attr(colors.rule)} stroke-width="1.5"/>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}
