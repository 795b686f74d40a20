// Serves the copies of the web app's files that the build compressed (scripts/vite-precompress.ts):
// a request for a file whose .br (or .gz) copy exists, from a client that takes that encoding,
// gets the copy with the original's type. Everything else falls through to express.static (and
// the compression middleware, which leaves an answer that is already encoded as it is).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import express from 'express';

const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

export function precompressedFiles(
  webRoot: string,
  setHeaders: (res: express.Response, file: string) => void,
): RequestHandler {
  const serve = express.static(webRoot, {
    index: false,
    setHeaders: (res, file) => setHeaders(res, file.replace(/\.(br|gz)$/, '')),
  });
  const root = path.resolve(webRoot);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const relative = req.path === '/' ? '/index.html' : req.path;
    const file = path.join(root, decodeURIComponent(relative));
    if (!file.startsWith(root + path.sep)) return next();
    res.vary('Accept-Encoding');
    // The server's preference (brotli is smaller), not the order the client lists them in.
    const match = ENCODINGS.find(([name, suffix]) => req.acceptsEncodings(name) === name && existsSync(file + suffix));
    if (!match) return next();
    const url = req.url;
    res.setHeader('Content-Encoding', match[0]);
    res.type(path.extname(file));
    req.url = `${relative}${match[1]}`;
    serve(req, res, (error?: unknown) => {
      // Not served after all: the plain file must not go out labelled as compressed.
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Type');
      req.url = url;
      next(error);
    });
  };
}
