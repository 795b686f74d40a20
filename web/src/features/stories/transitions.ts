// The moves between steps: the camera glides to the step's camera, or frames the nodes the step
// is about (its selection and highlight, else the whole graph), and the picture dips briefly so
// that highlights fade rather than jump. The framing is pure arithmetic (tested in Node); the
// rest drives sigma's camera and a CSS class.
import type { GraphRenderer } from '../../core/renderer.ts';
import type { Camera } from '../camera/slice.ts';

/** How long a move between steps takes (none when the reader asked for reduced motion). */
export const MOVE_MS = 900;
const FADE_MS = 320;
/** The share of the screen the framed nodes may take. */
const FRAME_FILL = 0.72;

type Sigma = GraphRenderer['sigma'];

/**
 * The camera that shows a box of the drawing: `box` is where the box lies, in pixels, at the
 * default camera (x 0.5, y 0.5, ratio 1); `centre` its centre in sigma's framed coordinates.
 * A single node (an empty box) is shown closer, never closer than `minRatio`.
 */
export function framingCamera(
  box: { width: number; height: number },
  centre: { x: number; y: number },
  screen: { width: number; height: number },
  minRatio = 0.12,
): Camera {
  const ratio = Math.max(box.width / (screen.width * FRAME_FILL), box.height / (screen.height * FRAME_FILL));
  return { x: centre.x, y: centre.y, ratio: Math.min(1, Math.max(minRatio, ratio)) };
}

export const WHOLE_GRAPH: Camera = { x: 0.5, y: 0.5, ratio: 1 };

/**
 * The camera that frames these nodes, or the whole graph when none has a position. Positions are
 * the graph's own, converted by sigma's normalisation: its display data of a node may not have
 * been processed yet when a step has just changed the view.
 */
export function frameNodes(
  sigma: Sigma,
  nodes: Iterable<string>,
  position: (node: string) => { x: number; y: number } | undefined,
): Camera {
  const home = { cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 } };
  // Sigma converts through the extent of the graph it last processed: a step shown as the map
  // loads (a link with play=1) would otherwise be framed with an empty extent, raw graph
  // coordinates taken for framed ones (cam=4.7,8.9: nothing on screen). A refresh processes it.
  sigma.refresh();
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const node of nodes) {
    const at = position(node);
    if (!at || !Number.isFinite(at.x) || !Number.isFinite(at.y)) continue;
    const p = sigma.graphToViewport(at, home);
    [x0, y0, x1, y1] = [Math.min(x0, p.x), Math.min(y0, p.y), Math.max(x1, p.x), Math.max(y1, p.y)];
  }
  if (x0 === Infinity) return WHOLE_GRAPH;
  const centre = sigma.viewportToFramedGraph({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, home);
  return framingCamera({ width: x1 - x0, height: y1 - y0 }, centre, sigma.getDimensions());
}

function reducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Glides the camera to `target`; resolves when it is there (or a newer move took over). */
export async function moveCamera(sigma: Sigma, target: Camera): Promise<void> {
  const camera = sigma.getCamera();
  const state = { ...target, angle: 0 };
  if (reducedMotion()) {
    camera.setState(state);
    return;
  }
  // A disabled camera never calls back: the move then simply does not wait.
  await Promise.race([
    camera.animate(state, { duration: MOVE_MS, easing: 'cubicInOut' }),
    new Promise((resolve) => setTimeout(resolve, MOVE_MS + 200)),
  ]);
}

/**
 * Dims the picture while the view changes and brings it back: the highlight of the next step
 * appears through a fade instead of a jump. `change` runs at the lowest point.
 */
export async function fadeThrough(element: HTMLElement, change: () => void): Promise<void> {
  if (reducedMotion()) {
    change();
    return;
  }
  element.classList.add('story-fading');
  await new Promise((resolve) => setTimeout(resolve, FADE_MS / 2));
  change();
  element.classList.remove('story-fading');
}
