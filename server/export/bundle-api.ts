// How the bundle export asks the in-process app (server/export/bundle.ts): GET a path of the API,
// read the answer or the API's error, wait while the analytics compute.
import { setTimeout as sleep } from 'node:timers/promises';

/** A problem the user can fix (a name, an id, a folder): its message is the whole story. */
export class BundleError extends Error {
  override name = 'BundleError';
}

/** How long the export waits for the server's analytics before giving up. */
const POLL_BUDGET_MS = 30 * 60_000;
const POLL_INTERVAL_MS = 500;

export class LocalApi {
  constructor(private readonly base: string) {}

  private async ask(path: string, params: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const query = new URLSearchParams(params).toString();
    const response = await fetch(`${this.base}/api${path}${query ? `?${query}` : ''}`, {
      headers: { Accept: 'application/json' },
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      throw new Error(`GET ${path} answered ${response.status} with a body that is not JSON`);
    }
  }

  private failure(path: string, status: number, body: unknown): Error {
    const message = (body as { error?: { message?: string } }).error?.message ?? `HTTP ${status}`;
    return new Error(`GET ${path} answered ${status}: ${message}`);
  }

  async get<T>(path: string, params: Record<string, string>): Promise<T> {
    const { status, body } = await this.ask(path, params);
    if (status !== 200) throw this.failure(path, status, body);
    return body as T;
  }

  /** The answer, or undefined when the server says there is no such thing (404) or refuses it (400). */
  async getOrMissing<T>(path: string, params: Record<string, string>): Promise<T | undefined> {
    const { status, body } = await this.ask(path, params);
    if (status === 404 || status === 400) return undefined;
    if (status !== 200) throw this.failure(path, status, body);
    return body as T;
  }

  /** Asks until the server has computed the answer (202 with progress meanwhile). */
  async poll<T>(path: string, params: Record<string, string>): Promise<T> {
    const giveUpAt = Date.now() + POLL_BUDGET_MS;
    for (;;) {
      const { status, body } = await this.ask(path, params);
      if (status === 200) return body as T;
      if (status !== 202 || Date.now() > giveUpAt) throw this.failure(path, status, body);
      await sleep(POLL_INTERVAL_MS);
    }
  }
}

/** `work` on every item, at most `limit` at a time; the answers in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
