// The HTTP server around the app: timeouts, and answers in the API's error shape to requests
// that never reach Express (oversized headers, malformed request lines), which Node would
// otherwise answer with an empty 431 or 400.
import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { ApiError, type ErrorCode } from '../errors.ts';

function rejection(error: NodeJS.ErrnoException): [number, ErrorCode, string] {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'headers_too_large', 'the request headers are too large'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request_timeout', 'the request was not received in time'];
    default:
      return [400, 'bad_request', 'the request is not valid HTTP'];
  }
}

/** Answers a request that Node's parser refused, in the error shape, and closes the connection. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, logger: Logger): void {
  // A reset connection, or a response already under way on it: nothing more can be sent.
  const inProgress = (socket as { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inProgress?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, code, message] = rejection(error);
  const body = JSON.stringify(new ApiError(status, code, message).toBody());
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'X-Content-Type-Options: nosniff',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
  logger.info({ status, reason: error.code }, 'rejected a malformed request');
}

export interface ListenOptions {
  port: number;
  host: string;
  logger: Logger;
}

/** Serves `app` and resolves once it listens; the bound port is in `server.address()`. */
export async function listen(app: Express, { port, host, logger }: ListenOptions): Promise<Server> {
  const server = createServer(app);
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, logger));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export function boundUrl(server: Server): string {
  const { address, port, family } = server.address() as AddressInfo;
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
}
