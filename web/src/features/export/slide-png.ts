// A slide as PNG: the same shapes as the SVG, painted on a canvas of the target size with the
// slide's units scaled to it. Nothing is upscaled: at 3840×2160 every stroke and letter is drawn
// at that resolution.
import type { SceneEdge, SceneText, SlideScene } from './slide-compose.ts';
import { SLIDE, SLIDE_FONT } from './slide-layout.ts';

function paintEdge(ctx: CanvasRenderingContext2D, e: SceneEdge): void {
  ctx.strokeStyle = e.color;
  ctx.lineWidth = e.width;
  ctx.beginPath();
  ctx.moveTo(e.from.x, e.from.y);
  if (e.control) ctx.quadraticCurveTo(e.control.x, e.control.y, e.to.x, e.to.y);
  else ctx.lineTo(e.to.x, e.to.y);
  ctx.stroke();
  if (!e.head) return;
  const [tip, a, b] = e.head;
  ctx.fillStyle = e.color;
  ctx.beginPath();
  ctx.moveTo(tip.x, tip.y);
  ctx.lineTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.closePath();
  ctx.fill();
}

function paintText(ctx: CanvasRenderingContext2D, text: SceneText): void {
  ctx.font = `${text.weight} ${text.size}px ${SLIDE_FONT}`;
  ctx.fillStyle = text.fill;
  ctx.textAlign = text.anchor === 'end' ? 'right' : 'left';
  ctx.fillText(text.text, text.x, text.y);
}

function paintNetwork(ctx: CanvasRenderingContext2D, scene: SlideScene): void {
  const { graph } = scene;
  ctx.save();
  ctx.beginPath();
  ctx.rect(graph.x, graph.y, graph.width, graph.height);
  ctx.clip();
  ctx.lineCap = 'round';
  for (const edge of scene.edges) paintEdge(ctx, edge);
  for (const node of scene.nodes) {
    ctx.fillStyle = node.color;
    ctx.beginPath();
    ctx.arc(node.x, node.y, node.r, 0, 2 * Math.PI);
    ctx.fill();
    if (node.focus) {
      ctx.strokeStyle = scene.colors.text;
      ctx.lineWidth = 3;
      ctx.stroke();
    }
  }
  ctx.restore();
}

function paintLegendMarks(ctx: CanvasRenderingContext2D, scene: SlideScene): void {
  for (const s of scene.swatches) {
    ctx.fillStyle = s.color;
    ctx.beginPath();
    ctx.arc(s.x, s.y, s.r, 0, 2 * Math.PI);
    ctx.fill();
  }
  const ramp = scene.ramp;
  if (ramp) {
    const gradient = ctx.createLinearGradient(ramp.x, 0, ramp.x + ramp.width, 0);
    const last = Math.max(1, ramp.stops.length - 1);
    ramp.stops.forEach((color, i) => gradient.addColorStop(i / last, color));
    ctx.fillStyle = gradient;
    ctx.beginPath();
    ctx.roundRect(ramp.x, ramp.y, ramp.width, ramp.height, 3);
    ctx.fill();
  }
}

/** Paints the slide at `width`×`height` pixels (16:9) and encodes it. */
export async function slidePng(scene: SlideScene, width: number, height: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(width / SLIDE.width, height / SLIDE.height);
  ctx.fillStyle = scene.colors.background;
  ctx.fillRect(0, 0, SLIDE.width, SLIDE.height);
  paintNetwork(ctx, scene);
  paintLegendMarks(ctx, scene);
  ctx.textBaseline = 'alphabetic';
  for (const text of scene.texts) paintText(ctx, text);
  ctx.strokeStyle = scene.colors.rule;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(scene.rule.x1, scene.rule.y);
  ctx.lineTo(scene.rule.x2, scene.rule.y);
  ctx.stroke();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
