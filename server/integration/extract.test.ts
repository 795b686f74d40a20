// Documents to graph against the real Neo4j: POST /api/extract proposes (the dataset's names
// marking merges) and writes nothing; POST /api/extract/accept writes only what was accepted,
// with the document as the Source and each sentence as the evidence, all or nothing, refusing
// bad input by field; a second reading of the same text proposes merges, not new nodes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AcceptRequest, AcceptResult, ExtractResponse } from '../../domain/review.ts';
import { loadDataset, removeDataset } from '../db/load.ts';
import { expectErrorShape, getJson, useCuratedServer } from './helpers.ts';

const TOKEN = 'extract-admin-token-0123456789';
const ctx = useCuratedServer({ adminToken: TOKEN, rateLimitPerMinute: 0 });
const SCRATCH = 'review-scratch';
const FIXTURES = path.resolve(import.meta.dirname, '../../e2e/fixtures/review');
const TEXT =
  '2025年3月，青岛蓝谷海洋科技园与中国海洋大学共建海洋观测联合实验室。海尔集团投资青岛智能装备产业基金。' +
  '海洋观测联合实验室获评山东省重点实验室，引进博士52人，研发投入增长12.5%。';

afterAll(async () => {
  for (const d of (await ctx.db.read('datasets-list')) as { name: string; key: string }[])
    if (d.name !== 'laoshan') await removeDataset(ctx.db, d.name, d.key);
  await loadDataset(ctx.db, ctx.curated);
});

function post(path: string, body: unknown, token: string | null = TOKEN) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return getJson(`${ctx.server.url}/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function propose(dataset: string, text = TEXT): Promise<ExtractResponse> {
  const { status, body } = await post('/extract', { dataset, text, name: '蓝谷简报' }, null);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as ExtractResponse;
}

async function counts(): Promise<Record<string, { nodes: number; relations: number }>> {
  const { body } = await getJson(`${ctx.server.url}/api/datasets`);
  return Object.fromEntries(
    (body.datasets as { name: string; nodes: number; relations: number }[]).map((d) => [d.name, d]),
  );
}

function entity(answer: ExtractResponse, name: string) {
  const found = answer.extraction.entities.find((e) => e.name === name);
  expect(found, `no proposal named ${name}`).toBeDefined();
  return found as ExtractResponse['extraction']['entities'][number];
}

/** Accepts the lab and the park and their BUILDS tie, and the university renamed as an English name. */
function acceptance(answer: ExtractResponse): AcceptRequest {
  const park = entity(answer, '青岛蓝谷海洋科技园');
  const lab = entity(answer, '海洋观测联合实验室');
  const uni = entity(answer, '中国海洋大学');
  const tie = answer.extraction.relations.find(
    (r) => r.source === park.id && r.target === lab.id && r.type === 'BUILDS',
  );
  expect(tie).toBeDefined();
  const accepted = (e: typeof park, extra: Partial<AcceptRequest['entities'][number]> = {}) => ({
    ref: e.id,
    ...(e.merge ? { merge: e.merge.id } : {}),
    name: e.name,
    type: e.type,
    evidence: e.evidence[0]?.text ?? '',
    ...extra,
  });
  return {
    dataset: SCRATCH,
    create: true,
    document: { name: answer.document.name, format: 'text', text: answer.document.text },
    entities: [accepted(park), accepted(lab), accepted(uni, { name: 'Ocean University of China' })],
    relations: [{ source: park.id, type: 'BUILDS', target: lab.id, evidence: tie?.evidence.text ?? '' }],
  };
}

describe('proposing', () => {
  it('proposes from pasted text with its sentences, marking names the dataset holds as merges, and writes nothing', async () => {
    const before = await counts();
    const answer = await propose('laoshan');
    expect(answer.dataset).toBe('laoshan');
    expect(answer.document).toMatchObject({ name: '蓝谷简报', format: 'text', text: TEXT });
    expect(answer.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(answer.extraction.sentences.map((s) => s.text)).toHaveLength(3);
    const haier = entity(answer, '海尔集团');
    expect(haier.merge?.id).toBe('firm/haier');
    expect(entity(answer, '青岛蓝谷海洋科技园').merge).toBeUndefined();
    for (const e of answer.extraction.entities)
      for (const ev of e.evidence) expect(TEXT.slice(ev.start, ev.end)).toBe(ev.text);
    expect(await counts()).toEqual(before);
  });

  it('reads cold when no dataset is named: nothing is a merge, names as the text writes them', async () => {
    const { status, body } = await post('/extract', { text: TEXT }, null);
    expect(status, JSON.stringify(body)).toBe(200);
    const answer = body as ExtractResponse;
    expect(answer.dataset).toBeNull();
    expect(answer.extraction.entities.filter((e) => e.merge)).toEqual([]);
    expect(entity(answer, '海尔集团').merge).toBeUndefined();
  });

  it('reads an uploaded .txt file like the same text pasted', async () => {
    const form = new FormData();
    form.set('dataset', 'laoshan');
    form.set('file', new Blob([TEXT]), 'brief.txt');
    const { status, body } = await getJson(`${ctx.server.url}/api/extract`, { method: 'POST', body: form });
    expect(status, JSON.stringify(body)).toBe(200);
    const pasted = await propose('laoshan');
    expect((body as ExtractResponse).document).toMatchObject({ name: 'brief.txt', format: 'txt', text: TEXT });
    expect((body as ExtractResponse).extraction).toEqual(pasted.extraction);
  });

  it('reads a .docx and a text-layer .pdf into the proposals of the same text pasted', async () => {
    const pasted = await propose('laoshan', readFileSync(path.join(FIXTURES, 'paragraph.txt'), 'utf8'));
    expect(pasted.extraction.relations.length).toBeGreaterThan(2);
    for (const [file, format] of [
      ['paragraph.docx', 'docx'],
      ['paragraph.pdf', 'pdf'],
    ] as const) {
      const form = new FormData();
      form.set('dataset', 'laoshan');
      form.set('file', new Blob([readFileSync(path.join(FIXTURES, file))]), file);
      const { status, body } = await getJson(`${ctx.server.url}/api/extract`, { method: 'POST', body: form });
      expect(status, JSON.stringify(body)).toBe(200);
      expect((body as ExtractResponse).document).toMatchObject({ name: file, format, text: pasted.document.text });
      expect((body as ExtractResponse).extraction, file).toEqual(pasted.extraction);
    }
  });

  it('refuses bad input by field: no text, too long, unknown dataset, a broken file', async () => {
    const empty = await post('/extract', { dataset: 'laoshan', text: '  ' }, null);
    expect(empty.status).toBe(400);
    expect(JSON.stringify(expectErrorShape(empty.body))).toContain('text');
    expect((await post('/extract', { dataset: 'laoshan', text: '甲'.repeat(200_001) }, null)).status).toBe(400);
    expect((await post('/extract', { dataset: 'no-such', text: TEXT }, null)).status).toBe(404);
    expect((await post('/extract', { dataset: 'laoshan', text: TEXT, colour: 1 }, null)).status).toBe(400);
    const form = new FormData();
    form.set('dataset', 'laoshan');
    form.set('file', new Blob(['not a zip']), 'report.docx');
    const broken = await getJson(`${ctx.server.url}/api/extract`, { method: 'POST', body: form });
    expect(broken.status).toBe(422);
    expect(expectErrorShape(broken.body).message).toContain('report.docx');
  });
});

describe('accepting', () => {
  it('needs the admin token and refuses a missing dataset unless asked to create it', async () => {
    const request = acceptance(await propose('laoshan'));
    expect((await post('/extract/accept', request, null)).status).toBe(401);
    expect((await post('/extract/accept', request, 'wrong-token')).status).toBe(401);
    const missing = await post('/extract/accept', { ...request, create: false });
    expect(missing.status).toBe(404);
    expect(Object.keys(await counts())).not.toContain(SCRATCH);
  });

  it('refuses evidence that is not verbatim, ends that are not accepted, unknown merges — naming each field, writing nothing', async () => {
    const request = acceptance(await propose('laoshan'));
    const bad: AcceptRequest = {
      ...request,
      entities: [
        { ...(request.entities[0] as AcceptRequest['entities'][number]), evidence: '一句文中没有的话。' },
        { ...(request.entities[1] as AcceptRequest['entities'][number]), merge: 'firm/no-such-node' },
        ...request.entities.slice(2),
      ],
      relations: [
        { source: 'e99', type: 'BUILDS', target: request.entities[1]?.ref ?? '', evidence: TEXT.slice(0, 10) },
      ],
    };
    const { status, body } = await post('/extract/accept', bad);
    expect(status).toBe(400);
    const fields = (expectErrorShape(body).details as { problems: { field: string }[] }).problems.map((p) => p.field);
    expect(fields).toEqual(['entities.0.evidence', 'entities.1.merge', 'relations.0.source']);
    expect(Object.keys(await counts())).not.toContain(SCRATCH);
    const wrongType = await post('/extract/accept', {
      ...request,
      relations: [{ ...request.relations[0], type: 'LIKES' }],
    });
    expect(wrongType.status).toBe(400);
  });

  it('writes only the accepted items, with the document as their source and their sentences as evidence', async () => {
    // Read against the curated dataset (the scratch one does not exist yet): none of these is in it.
    const answer = await propose('laoshan');
    const request = acceptance(answer);
    const { status, body } = await post('/extract/accept', request);
    expect(status, JSON.stringify(body)).toBe(200);
    const result = body as AcceptResult;
    expect(result.nodes).toEqual({ added: 3, merged: 0 });
    expect(result.relations).toEqual({ added: 1, matched: 0 });
    expect(result.source).toBe(`doc/${answer.document.sha256.slice(0, 16)}`);
    expect((await counts())[SCRATCH]).toEqual(expect.objectContaining({ nodes: 3, relations: 1 }));
    const uniId = result.ids[request.entities[2]?.ref ?? ''] ?? '';
    const uni = await getJson(`${ctx.server.url}/api/nodes/${uniId}?dataset=${SCRATCH}`);
    expect(uni.status).toBe(200);
    expect(uni.body.node).toMatchObject({ name_en: 'Ocean University of China', type: 'University' });
    expect(JSON.stringify(uni.body)).toContain(result.source);
    expect(JSON.stringify(uni.body)).toContain(request.entities[2]?.evidence);
    const source = await getJson(`${ctx.server.url}/api/sources/${result.source}?dataset=${SCRATCH}`);
    expect(source.status).toBe(200);
    expect(source.body).toMatchObject({ title: '蓝谷简报', text: TEXT });
    const haier = await getJson(`${ctx.server.url}/api/search?dataset=${SCRATCH}&q=${encodeURIComponent('海尔')}`);
    expect(haier.body).toEqual([]);
  });

  it('proposes merges when the same text is read again, and writing it again adds nothing', async () => {
    const again = await propose(SCRATCH);
    for (const name of ['青岛蓝谷海洋科技园', '海洋观测联合实验室'])
      expect(entity(again, name).merge?.id, name).toMatch(/^(park|lab)\//);
    expect(entity(again, '中国海洋大学').merge).toBeUndefined();
    const request = acceptance(again);
    const { status, body } = await post('/extract/accept', { ...request, entities: request.entities.slice(0, 2) });
    expect(status, JSON.stringify(body)).toBe(200);
    expect((body as AcceptResult).nodes).toEqual({ added: 0, merged: 2 });
    expect((body as AcceptResult).relations).toEqual({ added: 0, matched: 1 });
    expect((await counts())[SCRATCH]).toEqual(expect.objectContaining({ nodes: 3, relations: 1 }));
    // The same document's sentence is not appended twice to what already holds it.
    const park = await getJson(
      `${ctx.server.url}/api/nodes/${(body as AcceptResult).ids[request.entities[0]?.ref ?? '']}?dataset=${SCRATCH}`,
    );
    const source = (body as AcceptResult).source;
    expect(park.body.node.evidence.filter((e: { source: string }) => e.source === source)).toHaveLength(1);
    expect(park.body.relations[0].evidence.filter((e: { source: string }) => e.source === source)).toHaveLength(1);
  });

  it('adds another document as a source of the nodes and relations it confirms', async () => {
    const other = '据报道，青岛蓝谷海洋科技园共建海洋观测联合实验室。';
    const answer = await propose(SCRATCH, other);
    const park = entity(answer, '青岛蓝谷海洋科技园');
    const lab = entity(answer, '海洋观测联合实验室');
    const tie = answer.extraction.relations.find((r) => r.source === park.id && r.target === lab.id);
    expect(tie?.type).toBe('BUILDS');
    const request: AcceptRequest = {
      dataset: SCRATCH,
      document: { name: '另一篇报道', format: 'text', text: other },
      entities: [park, lab].map((e) => ({
        ref: e.id,
        merge: e.merge?.id,
        name: e.name,
        type: e.type,
        evidence: other,
      })),
      relations: [{ source: park.id, type: 'BUILDS', target: lab.id, evidence: other }],
    };
    const { status, body } = await post('/extract/accept', request);
    expect(status, JSON.stringify(body)).toBe(200);
    const result = body as AcceptResult;
    expect(result.relations).toEqual({ added: 0, matched: 1 });
    const node = await getJson(`${ctx.server.url}/api/nodes/${result.ids[park.id]}?dataset=${SCRATCH}`);
    const sources = (evidence: { source: string; quote: string }[]) => evidence.map((e) => e.source);
    expect(sources(node.body.node.evidence)).toContain(result.source);
    const relation = node.body.relations.find((r: { type: string }) => r.type === 'BUILDS');
    expect(relation.evidence).toContainEqual({ source: result.source, quote: other, title: '另一篇报道' });
    expect(sources(relation.evidence)).toHaveLength(2);
  });

  it('writes a proposal the person made new as a node of its own, whatever its name', async () => {
    const text = '海洋观测联合实验室另设分部。';
    const { status, body } = await post('/extract/accept', {
      dataset: SCRATCH,
      document: { name: '分部', format: 'text', text },
      entities: [{ ref: 'e1', new: true, name: '海洋观测联合实验室', type: 'Lab', evidence: text }],
      relations: [],
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect((body as AcceptResult).nodes).toEqual({ added: 1, merged: 0 });
    const id = (body as AcceptResult).ids.e1 ?? '';
    expect((await getJson(`${ctx.server.url}/api/nodes/${id}?dataset=${SCRATCH}`)).body.node.name_zh).toBe(
      '海洋观测联合实验室',
    );
    expect((await counts())[SCRATCH]).toEqual(expect.objectContaining({ nodes: 4 }));
  });

  it('two writes into one dataset at once both land, the second merged into the first', async () => {
    const write = (name: string) => {
      const text = `${name}与中国海洋大学合作。`;
      return post('/extract/accept', {
        dataset: SCRATCH,
        document: { name, format: 'text', text },
        entities: [{ ref: 'e1', name, type: 'Firm', evidence: text }],
        relations: [],
      });
    };
    const answers = await Promise.all([write('甲海洋科技有限公司'), write('乙海洋科技有限公司')]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    for (const name of ['甲海洋科技有限公司', '乙海洋科技有限公司']) {
      const found = await getJson(`${ctx.server.url}/api/search?dataset=${SCRATCH}&q=${encodeURIComponent(name)}`);
      expect(
        found.body.map((h: { name_zh: string }) => h.name_zh),
        name,
      ).toContain(name);
    }
    expect((await counts())[SCRATCH]).toEqual(expect.objectContaining({ nodes: 6 }));
  });

  it('refuses a file whose text is longer than a document is read, before extracting it', async () => {
    const form = new FormData();
    form.set('file', new Blob(['甲'.repeat(200_001)]), 'long.txt');
    const { status, body } = await getJson(`${ctx.server.url}/api/extract`, { method: 'POST', body: form });
    expect(status).toBe(422);
    expect(expectErrorShape(body).message).toMatch(/long\.txt: 200001 characters/);
  });
});
