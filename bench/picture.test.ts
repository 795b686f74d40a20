import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { warmAppRequests } from './picture.ts';

describe('the picture benchmark', () => {
  it("answers the app's first requests the bare page does not make once before the runs", async () => {
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await warmAppRequests({ url: `http://127.0.0.1:${port}` }, 'synthetic-10k');
    } finally {
      server.close();
    }
    expect(asked).toEqual(['/api/schema?dataset=synthetic-10k', '/api/overview?dataset=synthetic-10k']);
  });
});
