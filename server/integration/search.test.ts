// Every organisation, programme and event the source names can be found by its Chinese name,
// its English name and its pinyin initials.
import { describe, expect, it } from 'vitest';
import { pinyinInitials } from '../../domain/search-keys.ts';
import { expectErrorShape, getJson, useCuratedServer } from './helpers.ts';

/** Names as the source writes them (read off the text, not the seed), with the node meant. */
const NAMED_IN_SOURCE: [string, string][] = [
  ['崂山区', 'district/laoshan'],
  ['海尔集团', 'firm/haier'],
  ['青岛镭测创芯科技有限公司', 'firm/leice-chuangxin'],
  ['大规模个性化定制系统和技术全国重点实验室', 'lab/mass-customization-skl'],
  ['山东能源研究院', 'institute/shandong-energy-institute'],
  ['青岛新能源省实验室', 'lab/qingdao-new-energy-shandong-lab'],
  ['北航青岛研究院', 'institute/buaa-qingdao'],
  ['青岛海洋生物医药研究院', 'institute/qingdao-marine-biomedical-institute'],
  ['崂山区科技成果转化联盟', 'platform/laoshan-sti-transfer-alliance'],
  ['青岛市技术产权交易市场', 'platform/qingdao-technology-property-exchange'],
  ['青岛高科技工业园', 'park/qingdao-hi-tech-industrial-park'],
  ['青岛国际创新园', 'park/qingdao-international-innovation-park'],
  ['青岛市人工智能产业园', 'park/qingdao-ai-industrial-park'],
  ['青岛智算谷', 'park/qingdao-ai-industrial-park'],
  ['崂山国际人才社区', 'park/laoshan-international-talent-community'],
  ['金家岭金融区', 'park/jinjialing-financial-district'],
  ['繁星计划', 'programme/fanxing-plan'],
  ['崂山区实施“繁星计划”三年行动方案', 'programme/fanxing-three-year-action-plan'],
  ['“繁星计划”十二条政策措施', 'programme/fanxing-twelve-measures'],
  ['崂山区“十四五”科技创新发展规划和2035年远景目标纲要', 'programme/14th-fyp-sti-plan'],
  ['“汇智崂山”人才系列政策', 'programme/huizhi-laoshan-talent-policies'],
  ['科技强区战略', 'programme/sti-strong-district-strategy'],
  ['人才强区战略', 'programme/talent-strong-district-strategy'],
  ['崂山区科技创新大会', 'event/laoshan-sti-conference-2024'],
  ['千山峰会', 'event/qianshan-summit'],
  ['企业家大会', 'event/entrepreneurs-conference'],
  ['产业领军人才大会', 'event/industry-leading-talent-conference'],
];

const ctx = useCuratedServer();
const nameEn = new Map(ctx.curated.nodes.map((n) => [n.id, n.name_en]));

async function search(q: string, extra = ''): Promise<{ id: string; score: number; name_zh: string }[]> {
  const { status, body } = await getJson(`${ctx.server.url}/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(status, q).toBe(200);
  return body;
}

describe('GET /api/search', () => {
  it.each(NAMED_IN_SOURCE)('finds %s by its Chinese name first', async (name, id) => {
    expect((await search(name))[0]?.id).toBe(id);
  });

  it.each(NAMED_IN_SOURCE)('finds %s by its English name first', async (_name, id) => {
    const english = nameEn.get(id);
    expect(english, `${id} is in the seed`).toBeTruthy();
    expect((await search(english ?? ''))[0]?.id).toBe(id);
  });

  it.each(NAMED_IN_SOURCE)('finds %s by its pinyin initials', async (name, id) => {
    const initials = pinyinInitials(name);
    const ids = (await search(initials, '&limit=5')).map((r) => r.id);
    expect(ids, `${initials} → ${id}`).toContain(id);
  });

  it('ranks exact matches above prefixes above substrings', async () => {
    const results = await search('繁星计划');
    expect(results[0]).toMatchObject({ id: 'programme/fanxing-plan', score: 100 });
    expect(results.length).toBeGreaterThan(1);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
  });

  it('finds single characters inside longer names, full pinyin and English prefixes', async () => {
    expect((await search('崂')).map((r) => r.id)).toContain('district/laoshan');
    expect((await search('haierjituan'))[0]?.id).toBe('firm/haier');
    // The explorer issue's example: an abbreviation that is not the initials (those are "he").
    expect((await search('hr', '&limit=5')).map((r) => r.id)).toContain('firm/haier');
    expect((await search('Qingdao Hi'))[0]?.id).toBe('park/qingdao-hi-tech-industrial-park');
  });

  it('filters by type and validates its parameters', async () => {
    const onlyParks = await getJson(`${ctx.server.url}/api/search?q=${encodeURIComponent('崂山')}&types=Park`);
    expect(onlyParks.body.length).toBeGreaterThan(0);
    for (const hit of onlyParks.body) expect(hit.type).toBe('Park');
    for (const bad of ['', 'q=', `q=${'x'.repeat(201)}`, 'q=a&types=Nope', 'q=a&limit=0', 'q=a&sort=name']) {
      const { status, body } = await getJson(`${ctx.server.url}/api/search?${bad}`);
      expect(status, bad).toBe(400);
      expectErrorShape(body);
    }
  });

  it('treats Lucene syntax in a query as text', async () => {
    for (const q of ['"', 'a OR b', '*', 'haier~', '(海尔', 'name_en:x', '\\', 'AND']) {
      const { status } = await getJson(`${ctx.server.url}/api/search?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
    }
  });
});
