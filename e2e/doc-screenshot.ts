// Pictures kept in docs/ (the README's, the layouts at projector sizes): taken once the page is
// at rest, and written only when they really changed. The layout differs by a few pixels from
// run to run, so a file is rewritten only when any pixel outside the graph area changed, or more
// than 5% of the graph area did; otherwise every test run would leave a modified file in git.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';

const GRAPH_AREA_TOLERANCE = 0.05;

/** Screenshots until two in a row are the same (details loaded, camera and labels at rest). */
export async function steadyScreenshot(page: Page): Promise<Buffer> {
  let previous = await page.screenshot();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const next = await page.screenshot();
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('the page did not come to rest within 10 s');
}

type Box = { x: number; y: number; width: number; height: number };

/** Whether the new picture differs from the stored one by more than the layout's jitter. */
export function pictureChanged(stored: Buffer, next: Buffer, graph: Box): boolean {
  const a = PNG.sync.read(stored);
  const b = PNG.sync.read(next);
  if (a.width !== b.width || a.height !== b.height) return true;
  let inGraph = 0;
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      const i = (y * b.width + x) * 4;
      if (a.data[i] === b.data[i] && a.data[i + 1] === b.data[i + 1] && a.data[i + 2] === b.data[i + 2]) continue;
      const inside = x >= graph.x && x < graph.x + graph.width && y >= graph.y && y < graph.y + graph.height;
      if (!inside) return true;
      inGraph++;
    }
  }
  return inGraph > graph.width * graph.height * GRAPH_AREA_TOLERANCE;
}

/** Writes `picture` to `file` unless the file holds the same picture give or take the layout's jitter. */
export async function keepPicture(page: Page, file: string, picture: Buffer): Promise<void> {
  const graph = await page.locator('#graph-container').boundingBox();
  if (!graph) throw new Error('no graph area');
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file) || pictureChanged(readFileSync(file), picture, graph)) writeFileSync(file, picture);
}
