// One short log line per request: request id, method, path, status, milliseconds and client
// address; never a header. API requests log at info, static files and healthy health checks at
// debug, so a page load does not bury the API's lines.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** This request's logger: every line it writes carries the request id. */
      log: Logger;
      requestId: string;
    }
  }
}

/** A request id a proxy or client sent is kept when it is short and plain; otherwise a new one. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function requestId(sent: string | undefined): string {
  return sent !== undefined && SAFE_ID.test(sent) ? sent : randomUUID();
}

/** The path as logged: no query string (it can be long), at most 200 characters. */
function loggedPath(originalUrl: string): string {
  const q = originalUrl.indexOf('?');
  const path = q >= 0 ? originalUrl.slice(0, q) : originalUrl;
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const id = requestId(req.get('x-request-id'));
    req.requestId = id;
    req.log = logger.child({ reqId: id });
    res.setHeader('X-Request-Id', id);
    res.once('close', () => {
      const route = loggedPath(req.originalUrl);
      const status = res.statusCode;
      const api = route === '/api' || route.startsWith('/api/');
      const quiet = !api || (route === '/api/health' && status === 200);
      const level = quiet ? 'debug' : status >= 500 && status !== 503 ? 'error' : status >= 500 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line: Record<string, unknown> = {
        reqId: id,
        method: req.method,
        route,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ip: req.ip,
      };
      if (!res.writableFinished) line.aborted = true;
      logger[level](line, 'request');
    });
    next();
  };
}
