// Access and load guards: the admin token for writes, per-IP rate limits for expensive reads.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ApiError } from '../errors.ts';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Writes need `Authorization: Bearer $ADMIN_TOKEN`. Without a configured token every write
 * answers 403. Tokens are compared as SHA-256 digests with timingSafeEqual, so neither the
 * length nor the content of the token leaks through timing.
 */
export function requireAdmin(adminToken: string | undefined): RequestHandler {
  const expected = adminToken ? digest(adminToken) : undefined;
  return (req, _res, next) => {
    if (!expected) {
      next(new ApiError(403, 'forbidden', 'writes are disabled on this server (no ADMIN_TOKEN is configured)'));
      return;
    }
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(req.get('authorization') ?? '');
    if (!match || !timingSafeEqual(digest(match[1] as string), expected)) {
      next(
        new ApiError(401, 'unauthorized', 'this endpoint needs Authorization: Bearer <ADMIN_TOKEN>', undefined, {
          'WWW-Authenticate': 'Bearer',
        }),
      );
      return;
    }
    next();
  };
}

/** A per-IP limit of requests per minute; 0 turns it off. */
export function perIpLimit(perMinute: number): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // X-Forwarded-For without TRUST_PROXY is reported once in the log (see app.ts), not as a
    // stack trace on stderr.
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next, options) => {
      const retryAfter = String(Math.ceil(options.windowMs / 1000));
      next(
        new ApiError(
          429,
          'rate_limited',
          `too many requests: at most ${perMinute} per minute to this endpoint`,
          undefined,
          { 'Retry-After': retryAfter },
        ),
      );
    },
  });
}
