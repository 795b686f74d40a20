// The error shape of the HTTP API: {"error": {"code", "message", "details"}} with a 4xx or 503.
export type ErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'conflict'
  | 'invalid_import'
  | 'curated_dataset'
  | 'dataset_exists'
  | 'ambiguous_match'
  | 'builtin'
  | 'database_unavailable'
  | 'busy'
  | 'query_timeout'
  | 'analytics_unavailable'
  | 'headers_too_large'
  | 'request_timeout'
  | 'shutting_down'
  | 'internal';

export class ApiError extends Error {
  override name = 'ApiError';
  /** Neo4j's code when this answers a transient database error (a read retries it: db/database.ts). */
  transientNeo4j: string | undefined;
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { error: { code: ErrorCode; message: string; details?: unknown } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFound = (what: string, details?: unknown): ApiError =>
  new ApiError(404, 'not_found', `${what} not found`, details);

export const badRequest = (message: string, details?: unknown): ApiError =>
  new ApiError(400, 'bad_request', message, details);
