// A worker thread running a TypeScript module. The thread registers tsx's loader before importing
// it, so that it runs the same under `tsx` (npm start) and under vitest, whose threads inherit no
// loader. The server's exit never waits for an idle worker (unref).
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function typescriptWorker(moduleUrl: URL, name: string, resourceLimits?: ResourceLimits): Worker {
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  const worker = new Worker(bootstrap, { eval: true, name, ...(resourceLimits ? { resourceLimits } : {}) });
  worker.unref();
  return worker;
}
