// The 10k-node map in the browser: a synthetic ecosystem of 10,000 nodes and 50,000 relations is
// loaded and laid out in Debian's Chromium with software WebGL (the launch options of
// playwright.config.ts), a few times, each in a fresh browser context (no stored positions, so
// every run lays out). Per run: the main-thread long tasks (Long Tasks API) from navigation to
// ready, the first frame with the whole graph on the map, and the time to
// `window.explorer.phase() === 'ready'`. The responsiveness limit (no task over 200 ms) is
// reported per run as pass or miss. --quick: one run on the synthetic 1k dataset, on the run's
// shared server (seeded only if its store lacks it), written to browser-quick.json.
import { loadavg } from 'node:os';
import { chromium, type Browser, type LaunchOptions, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import playwrightConfig from '../playwright.config.ts';
import { benchServer, ensureSynthetic } from './server.ts';

/** The responsiveness limit: no main-thread task longer than this while loading and laying out. */
export const LONG_TASK_LIMIT_MS = 200;
const FULL_DATASET = { name: 'synthetic-10k', nodes: 10_000 };
const QUICK_DATASET = { name: 'synthetic-1000', nodes: 1_000 };

export interface LongTask {
  start: number;
  duration: number;
}

export interface BrowserRun {
  run: number;
  /** The machine's 1-minute load average as the run started (other work skews the timings). */
  loadAverage1m: number;
  /** The first animation frame in which all nodes are on the map (ms from navigation start). */
  firstFrameMs: number;
  /** When the explorer reported 'ready' (layout settled and drawn; ms from navigation start). */
  readyMs: number;
  longTasks: number;
  longestTaskMs: number;
  withinLimit: boolean;
  nodes: number;
  edges: number;
  /** Pixels of the graph area that differ from its background, once ready. */
  drawnPixels: number;
  tasks: LongTask[];
  /** The explorer's own performance measures (`explorer:*`), as "name start+duration". */
  phases: string[];
}

interface PageRecord {
  firstFrame?: number;
  ready?: number;
  error?: string;
  tasks: LongTask[];
}

declare global {
  interface Window {
    __bench?: PageRecord & { observer: PerformanceObserver };
  }
}

/**
 * Installed before any script of the page: records long tasks, the first full frame and ready.
 * Plain JavaScript in a string: tsx (which runs the benchmarks) names functions with a helper
 * that does not exist in the page, so a serialised TypeScript function would fail there.
 */
export const RECORDER = `(() => {
  const record = { tasks: [] };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.tasks.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ type: 'longtask', buffered: true });
  window.__bench = Object.assign(record, { observer });
  // Frames: the first one after the explorer leaves 'loading' (its graph is then complete, and
  // the next phase names the work still running, e.g. 'layout') draws every node; the edges of
  // a graph this large join when the layout stops.
  requestAnimationFrame(function frame(time) {
    const phase = window.explorer && window.explorer.phase();
    if (phase && phase !== 'loading' && phase !== 'error') record.firstFrame = time;
    else if (phase !== 'error') requestAnimationFrame(frame);
  });
  // 'ready' is polled by a timer rather than by frames, which software WebGL makes slow.
  const timer = setInterval(() => {
    const phase = window.explorer && window.explorer.phase();
    if (phase === 'ready') record.ready = performance.now();
    else if (phase === 'error') record.error = 'the explorer reported an error';
    else return;
    clearInterval(timer);
  }, 10);
})();`;

/** Non-background pixels of the graph area (as e2e/helpers.ts graphPixels counts them). */
export async function drawnPixels(page: Page): Promise<number> {
  const { data } = PNG.sync.read(await page.locator('#graph-container').screenshot());
  const bg = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    const d =
      Math.abs((data[i] ?? 0) - (bg[0] ?? 0)) +
      Math.abs((data[i + 1] ?? 0) - (bg[1] ?? 0)) +
      Math.abs((data[i + 2] ?? 0) - (bg[2] ?? 0));
    if (d > 30) n++;
  }
  return n;
}

async function measureOnce(
  browser: Browser,
  baseUrl: string,
  dataset: typeof FULL_DATASET,
  run: number,
): Promise<BrowserRun> {
  const loadAverage1m = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  const context = await browser.newContext({ baseURL: baseUrl, viewport: playwrightConfig.use?.viewport ?? null });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({ content: RECORDER });
    // The browser's own start is not the app's: the GPU process starts and SwiftShader compiles
    // sigma's shaders on a first visit to the small curated map (each navigation records anew).
    await page.goto('/?lang=en');
    await page.waitForFunction(() => window.explorer?.phase() === 'ready', null, { timeout: 60_000 });
    await page.goto(`/?dataset=${dataset.name}&lang=en`);
    await page.waitForFunction(() => window.__bench?.ready !== undefined || window.__bench?.error !== undefined, null, {
      timeout: 120_000,
      polling: 250,
    });
    // Entries the observer has not delivered yet are taken as well; tasks after 'ready' are not
    // part of loading and laying out.
    const record = await page.evaluate(() => {
      const bench = window.__bench!;
      for (const entry of bench.observer.takeRecords())
        bench.tasks.push({ start: entry.startTime, duration: entry.duration });
      const phases = performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('explorer:'))
        .map((m) => `${m.name} ${Math.round(m.startTime)}+${Math.round(m.duration)}`);
      return {
        firstFrame: bench.firstFrame,
        ready: bench.ready,
        error: bench.error,
        tasks: bench.tasks,
        phases,
        nodes: window.explorer?.nodeIds().length ?? 0,
        edges: window.explorer?.edgeCount() ?? 0,
      };
    });
    if (record.error) errors.push(record.error);
    if (record.ready === undefined || record.firstFrame === undefined) errors.push('no ready time or no first frame');
    const readyMs = Math.round(record.ready ?? 0);
    const tasks = record.tasks
      .filter((t) => t.start <= readyMs)
      .map((t) => ({ start: Math.round(t.start), duration: Math.round(t.duration) }));
    const longest = Math.max(0, ...tasks.map((t) => t.duration));
    const pixels = await drawnPixels(page);
    if (record.nodes !== dataset.nodes) errors.push(`${record.nodes} nodes on the map, not ${dataset.nodes}`);
    if (pixels < 5_000) errors.push(`the canvas is (nearly) blank: ${pixels} pixels drawn`);
    if (errors.length) throw new Error(`run ${run}: ${errors.join('; ')}`);
    return {
      run,
      loadAverage1m,
      firstFrameMs: Math.round(record.firstFrame ?? 0),
      readyMs,
      longTasks: tasks.length,
      longestTaskMs: longest,
      withinLimit: longest <= LONG_TASK_LIMIT_MS,
      nodes: record.nodes,
      edges: record.edges,
      drawnPixels: pixels,
      tasks,
      phases: record.phases,
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : Math.round(((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2);
};

export async function browserBenchmark(quick: boolean) {
  const repetitions = quick ? 1 : 5;
  const dataset = quick ? QUICK_DATASET : FULL_DATASET;
  const label = quick ? 'browser' : 'browser-10k';
  const launchOptions: LaunchOptions = playwrightConfig.use?.launchOptions ?? {};
  // Like the end-to-end server (playwright.config.ts), on its own ports and store, which is kept
  // between runs (a new store costs Neo4j's initialisation); the 10k dataset is seeded anew each
  // time, so it is always the generator's current output.
  const t0 = Date.now();
  const seconds = () => `${Math.round((Date.now() - t0) / 100) / 10} s`;
  const server = await benchServer(quick, {
    port: 8092,
    dataDir: '.data-bench/browser',
    boltPort: 7692,
    env: { NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '128m' },
  });
  let browser: Browser | undefined;
  try {
    console.log(`${label}: server up after ${seconds()}`);
    if (quick) await ensureSynthetic(server, dataset.nodes);
    else server.seed(['--synthetic', String(dataset.nodes), '--seed', '11', '--dataset', dataset.name]);
    console.log(`${label}: ${dataset.name} seeded after ${seconds()}`);
    // The server answers the 10k graph once before the runs: a cold Neo4j (query plans, page
    // cache) would weigh on the first run only, and the server is the load benchmark's subject.
    const warm = await fetch(`${server.url}/api/graph?dataset=${dataset.name}`);
    if (!warm.ok) throw new Error(`GET /api/graph?dataset=${dataset.name} answered ${warm.status}`);
    await warm.arrayBuffer();
    browser = await chromium.launch(launchOptions);
    const runs: BrowserRun[] = [];
    for (let run = 1; run <= repetitions; run++) {
      runs.push(await measureOnce(browser, server.url, dataset, run));
      console.log(`${label}: run ${run} of ${repetitions} done after ${seconds()}`);
    }
    return {
      dataset: dataset.name,
      nodes: dataset.nodes,
      relations: runs[0]?.edges ?? 0,
      browser: `Chromium ${browser.version()}`,
      launch: { executablePath: launchOptions.executablePath, args: launchOptions.args },
      viewport: playwrightConfig.use?.viewport,
      limitMs: LONG_TASK_LIMIT_MS,
      withinLimit: runs.every((r) => r.withinLimit),
      summary: {
        longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
        medianFirstFrameMs: median(runs.map((r) => r.firstFrameMs)),
        medianReadyMs: median(runs.map((r) => r.readyMs)),
      },
      runs,
    };
  } finally {
    await browser?.close();
    await server.stop();
  }
}
