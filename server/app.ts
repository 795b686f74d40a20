// The HTTP app: API under /api, the built web app at /. Created by a factory so tests can
// build one against any Database; nothing happens at import time.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { type Database, isUnavailable, RETRY_AFTER_SECONDS } from './db/database.ts';
import { ApiError } from './errors.ts';
import { DatasetRegistry } from './graph/datasets.ts';
import { perIpLimit, requireAdmin } from './http/guards.ts';
import { readRoutes } from './routes/read.ts';
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
}

export interface App {
  app: express.Express;
  datasets: DatasetRegistry;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;

export function createApp({
  db,
  logger,
  webRoot,
  corsOrigin,
  adminToken,
  rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE,
}: AppOptions): App {
  const app = express();
  const datasets = new DatasetRegistry(db);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', 'strong');
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
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
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
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

  app.get('/api/health', async (_req, res) => {
    try {
      const info = await db.health();
      res.json({ status: 'ok', neo4j: { connected: true, version: info.version, edition: info.edition } });
    } catch (error) {
      if (!(error instanceof ApiError) && !isUnavailable(error)) throw error;
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({
        status: 'degraded',
        neo4j: { connected: false, version: null },
        error: { code: 'database_unavailable', message: 'the graph database is unreachable' },
      });
    }
  });
  // Expensive reads get a per-IP limit each; writes need the admin token (and are limited too).
  for (const path of ['/api/graph', '/api/search', '/api/paths', /^\/api\/nodes\/.+\/neighbors$/])
    app.use(path, perIpLimit(rateLimitPerMinute));
  // Writes are checked before their body is even read.
  for (const method of ['delete', 'post', 'put', 'patch'] as const) {
    app[method]('/api/*path', perIpLimit(rateLimitPerMinute), requireAdmin(adminToken));
  }
  app.use('/api', express.json({ limit: '1mb' }), readRoutes(db, datasets), writeRoutes(db, datasets));
  app.use('/api', (req, _res, next) => {
    next(new ApiError(404, 'not_found', `no endpoint ${req.method} ${req.path.slice(0, 200)}`));
  });

  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    app.use(express.static(webRoot, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.sendFile(path.join(webRoot, 'index.html'));
    });
  }

  // Nothing else matched (a non-GET outside /api, or no web app built): still the error shape,
  // never the framework's HTML page.
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
  return { app, datasets };
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
