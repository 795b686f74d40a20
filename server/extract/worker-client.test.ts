import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { ExtractionWorker } from './worker-client.ts';

const STAND_IN = new URL('./fixtures/stand-in-worker.ts', import.meta.url);
const text = (t: string) => ({ kind: 'text' as const, text: t });
let worker: ExtractionWorker | undefined;

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the extraction thread seen from the server', () => {
  it('answers jobs one after another', async () => {
    worker = new ExtractionWorker({ moduleUrl: STAND_IN });
    const answers = await Promise.all(['一', '二', '三'].map((t) => worker?.run(text(t), [])));
    expect(answers.map((a) => a?.text)).toEqual(['一', '二', '三']);
  });

  it('refuses a job beyond the queue with 503 busy, and says so before any body is read', async () => {
    worker = new ExtractionWorker({ moduleUrl: STAND_IN, maxQueued: 2, timeoutMs: 60_000 });
    const hung = refusal(worker.run(text('hang'), []));
    const queued = refusal(worker.run(text('ok'), []));
    expect(worker.full()).toBe(true);
    const busy = await refusal(worker.run(text('more'), []));
    expect([busy.status, busy.code, busy.headers['Retry-After']]).toEqual([503, 'busy', '5']);
    await worker.stop();
    expect((await hung).message).toBe('the extraction thread is stopped');
    expect((await queued).status).toBe(503);
  });

  it('ends a job over its time limit with its thread, and the next job runs in a new one', async () => {
    worker = new ExtractionWorker({ moduleUrl: STAND_IN, timeoutMs: 500 });
    const hung = worker.run(text('hang'), []);
    const next = worker.run(text('after'), []);
    expect((await refusal(hung)).message).toMatch(/longer than 0.5 s/);
    expect((await next).text).toBe('after');
  });

  it('fails the job whose thread died, and carries on with a fresh thread', async () => {
    worker = new ExtractionWorker({ moduleUrl: STAND_IN, timeoutMs: 60_000 });
    const crashed = worker.run(text('crash'), []);
    const next = worker.run(text('after'), []);
    expect((await refusal(crashed)).message).toMatch(/exited with code 3/);
    expect((await next).text).toBe('after');
  });
});
