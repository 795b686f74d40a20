// The HTTP app: API under /api, the built web app at /. Created by a factory so tests can
// build one against any Database; nothing happens at import time.
import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { type Database, RETRY_AFTER_SECONDS } from './db/database.ts';
import { ApiError } from './errors.ts';
import { DatasetRegistry } from './graph/datasets.ts';
import { perIpLimit, requireAdmin } from './http/guards.ts';
import { precompressedFiles } from './http/precompressed.ts';
import { requestLog } from './http/request-log.ts';
import { AnalyticsService, type AnalyticsServiceOptions } from './analytics/service.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { exportRoutes } from './routes/export.ts';
import { extractRoutes } from './routes/extract.ts';
import { ExtractionWorker } from './extract/worker-client.ts';
import { lodThresholdFrom, overviewRoutes } from './routes/overview.ts';
import { importRoutes } from './routes/import.ts';
import { readRoutes } from './routes/read.ts';
import { LayoutService } from './layout/service.ts';
import { storyRoutes } from './routes/stories.ts';
import { writeRoutes } from './routes/write.ts';

export interface AppOptions {
  db: Database;
  logger: Logger;
  /** Folder of the built web app (vite build); not served when absent. */
  webRoot?: string;
  corsOrigin?: string;
  /** Bearer token for writes; without it every write answers 403. */
  adminToken?: string;
  /** Requests per minute per IP to each expensive endpoint; 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For names the client. */
  trustProxy?: number | string | false;
  /** The largest upload POST /api/import takes (default MAX_UPLOAD_BYTES, 100 MB). */
  uploadLimitBytes?: number;
  analytics?: AnalyticsServiceOptions;
  /** Nodes above which GET /api/overview aggregates (LOD_THRESHOLD; docs/level-of-detail.md). */
  lodThreshold?: number;
}

export interface App {
  app: express.Express;
  datasets: DatasetRegistry;
  analytics: AnalyticsService;
  /** Each dataset version's layout, computed once and stored (server/layout/service.ts). */
  layouts: LayoutService;
  /** Ends the analytics worker threads (after the HTTP server has closed). */
  stop(): Promise<void>;
  /** Shutdown has begun: health answers 503 "draining" and every answer closes its connection. */
  startDraining(): void;
}

/**
 * index.html is revalidated on every load (it names the current assets); files under assets/
 * carry a content hash in their name and never change; anything else is kept an hour.
 */
function cacheControlFor(webRoot: string, file: string): string {
  const relative = path.relative(webRoot, file);
  if (relative === 'index.html') return 'no-cache';
  if (relative.split(path.sep)[0] === 'assets') return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;

interface Services {
  datasets: DatasetRegistry;
  analytics: AnalyticsService;
  layouts: LayoutService;
  extraction: ExtractionWorker;
  threshold: number;
}

/** Draining flag and the X-Forwarded-For warning (once), then the security headers and CORS. */
function frontMatter(app: express.Express, options: AppOptions, isDraining: () => boolean): void {
  const { logger, trustProxy = false, corsOrigin } = options;
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Weak: one validator names the content in every encoding (identity, gzip, br) it is sent in.
  app.set('etag', 'weak');
  app.set('trust proxy', trustProxy);
  app.use(requestLog(logger));
  // gzip or brotli (chosen by Accept-Encoding) for every answer of 1 kB or more.
  app.use(compression());
  let forwardedNoted = false;
  app.use((req, res, next) => {
    if (isDraining()) res.setHeader('Connection', 'close');
    if (!trustProxy && !forwardedNoted && req.headers['x-forwarded-for'] !== undefined) {
      forwardedNoted = true;
      logger.warn(
        'a request came with X-Forwarded-For but TRUST_PROXY is not set: rate limits and logs see the proxy, not the client',
      );
    }
    next();
  });
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP }, crossOriginEmbedderPolicy: false }));
  if (corsOrigin) {
    app.use('/api', (req, res, next) => {
      res.setHeader('Access-Control-Allow-Origin', corsOrigin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
      next();
    });
  }
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // ForceAtlas2's worker is created from a Blob URL.
  workerSrc: ["'self'", 'blob:'],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

function healthRoute(app: express.Express, db: Database, isDraining: () => boolean): void {
  app.get('/api/health', async (_req, res) => {
    if (isDraining()) {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({
        status: 'draining',
        neo4j: { connected: null, version: null },
        error: { code: 'shutting_down', message: 'the server is shutting down' },
      });
      return;
    }
    try {
      const info = await db.health();
      res.json({ status: 'ok', neo4j: { connected: true, version: info.version, edition: info.edition } });
    } catch (error) {
      // Driver errors arrive as ApiErrors (unreachable, busy, timed out); anything else is a bug.
      if (!(error instanceof ApiError)) throw error;
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({
        status: 'degraded',
        neo4j: { connected: false, version: null },
        error: { code: 'database_unavailable', message: 'the graph database is unreachable' },
      });
    }
  });
}

/** Expensive reads get a per-IP limit each; writes need the admin token (and are limited too). */
function guards(app: express.Express, { adminToken, rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE }: AppOptions) {
  for (const path of [
    '/api/graph',
    '/api/search',
    '/api/paths',
    '/api/metrics',
    '/api/gaps',
    '/api/partners',
    '/api/overview',
    '/api/aggregates',
    /^\/api\/nodes\/.+\/neighbors$/,
  ])
    app.use(path, perIpLimit(rateLimitPerMinute));
  // Writes are checked before their body is even read. Reading a document's proposals is a
  // POST (it carries the document) but writes nothing: it needs no token, only the limit.
  const admin = requireAdmin(adminToken);
  for (const method of ['delete', 'post', 'put', 'patch'] as const) {
    app[method]('/api/*path', perIpLimit(rateLimitPerMinute), (req, res, next) =>
      method === 'post' && req.path === '/api/extract' ? next() : admin(req, res, next),
    );
  }
}

function apiRoutes(app: express.Express, db: Database, s: Services, uploadLimitBytes: number | undefined): void {
  // A document of MAX_DOCUMENT_CHARS and its accepted proposals are larger than other bodies.
  app.use('/api/extract', express.json({ limit: '4mb' }), extractRoutes(db, s.datasets, s.extraction));
  app.use(
    '/api',
    express.json({ limit: '1mb' }),
    analyticsRoutes(db, s.datasets, s.analytics),
    readRoutes(db, s.datasets, s.layouts),
    writeRoutes(db, s.datasets),
    importRoutes(db, s.datasets, uploadLimitBytes),
    exportRoutes(db, s.datasets),
    storyRoutes(db, s.datasets),
    overviewRoutes(s.datasets, s.analytics, s.layouts, s.threshold),
  );
  app.use('/api', (req, _res, next) => {
    next(new ApiError(404, 'not_found', `no endpoint ${req.method} ${req.path.slice(0, 200)}`));
  });
}

function webApp(app: express.Express, webRoot: string | undefined): void {
  if (!webRoot || !existsSync(path.join(webRoot, 'index.html'))) return;
  const index = path.join(webRoot, 'index.html');
  const setHeaders = (res: Response, file: string) => res.setHeader('Cache-Control', cacheControlFor(webRoot, file));
  // The build's brotli and gzip copies first (scripts/vite-precompress.ts), then the files.
  app.use(precompressedFiles(webRoot, setHeaders));
  app.use(express.static(webRoot, { index: 'index.html', setHeaders }));
  // Client-side routes (no file extension) get the app; a missing file is a 404 below.
  app.get(/^\/(?!api(?:\/|$))(?:[^/]*\/)*[^/.]*$/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Nothing else matched: still the error shape, never the framework's HTML page; then errors. */
function errorAnswers(app: express.Express): void {
  app.use((req, _res, next) => {
    next(new ApiError(404, 'not_found', `nothing at ${req.method} ${req.path.slice(0, 200)}`));
  });
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const apiError = toHttpError(error);
    if (apiError.status >= 500 && apiError.code === 'internal') req.log.error({ err: error }, 'unhandled error');
    for (const [k, v] of Object.entries(apiError.headers)) res.setHeader(k, v);
    res.status(apiError.status).json(apiError.toBody());
  });
}

export function createApp(options: AppOptions): App {
  const { db } = options;
  const app = express();
  const threshold = options.lodThreshold ?? lodThresholdFrom(process.env);
  const services: Services = {
    datasets: new DatasetRegistry(db),
    analytics: new AnalyticsService(db, options.analytics),
    // A whole-dataset layout for the datasets the overview sends whole; above, aggregates.
    layouts: new LayoutService(db, { maxNodes: threshold }),
    extraction: new ExtractionWorker(),
    threshold,
  };
  const { datasets, analytics, layouts, extraction } = services;
  // After an outage nearly every request needs the dataset list first: its query starts as the
  // gate reopens (on a cold server it is the slowest part), and the first requests join it.
  db.onRecovered(() => {
    datasets.invalidate();
    datasets.list().catch(() => undefined);
  });
  let draining = false;
  const isDraining = () => draining;
  frontMatter(app, options, isDraining);
  healthRoute(app, db, isDraining);
  guards(app, options);
  apiRoutes(app, db, services, options.uploadLimitBytes);
  webApp(app, options.webRoot);
  errorAnswers(app);
  return {
    app,
    datasets,
    analytics,
    layouts,
    stop: async () => {
      await Promise.all([analytics.stop(), layouts.stop(), extraction.stop()]);
    },
    startDraining: () => {
      draining = true;
    },
  };
}

/** Body-parser and framework errors carry a status; anything else is a bug (500). */
function toHttpError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const status = (error as { status?: unknown }).status;
  const type = (error as { type?: unknown }).type;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (type === 'entity.too.large') return new ApiError(413, 'payload_too_large', 'the request body is too large');
    if (type === 'entity.parse.failed') return new ApiError(400, 'bad_request', 'the request body is not valid JSON');
    return new ApiError(status, 'bad_request', (error as Error).message ?? 'bad request');
  }
  if (error instanceof URIError) return new ApiError(400, 'bad_request', 'the URL is not valid percent-encoding');
  return new ApiError(500, 'internal', 'internal error');
}
