import { describe, expect, it } from 'vitest';
import { extract } from './extract.ts';
import type { Extraction } from '../../domain/extraction.ts';

const entity = (x: Extraction, name: string) => x.entities.find((e) => e.name === name || e.aliases.includes(name));
const names = (x: Extraction) => x.entities.map((e) => e.name);

/** "source TYPE target" for every relation, by name. */
function ties(x: Extraction): string[] {
  const name = new Map(x.entities.map((e) => [e.id, e.name]));
  return x.relations.map((r) => `${name.get(r.source)} ${r.type} ${name.get(r.target)}`);
}

describe('names found by their suffix', () => {
  it('finds organisations and types them by their ending', () => {
    const x = extract('崂山区专项支持山东能源研究院、青岛新能源省实验室、北航青岛研究院建设。');
    expect(entity(x, '山东能源研究院')).toMatchObject({ type: 'Institute', kind: 'named', rules: ['suffix'] });
    expect(entity(x, '青岛新能源省实验室')?.type).toBe('Lab');
    expect(entity(x, '北航青岛研究院')?.type).toBe('Institute');
  });

  it('starts a name after the verb, preposition or list mark before it', () => {
    const x = extract('评选海尔集团等企业进行表彰。由云湖区科学技术局建设运营的云湖科技服务平台投入使用。');
    expect(names(x)).toContain('海尔集团');
    expect(names(x)).toContain('云湖区科学技术局');
    expect(names(x)).toContain('云湖科技服务平台');
    expect(names(x).some((n) => n.startsWith('评选') || n.startsWith('由'))).toBe(false);
  });

  it('keeps brackets, names joined by 和 and verbs a name holds', () => {
    const x = extract(
      '临江科创投资有限公司投资了芯源半导体（临江）有限公司。优选大规模个性化定制系统和技术全国重点实验室进行表彰。',
    );
    expect(names(x)).toContain('临江科创投资有限公司');
    expect(names(x)).toContain('芯源半导体（临江）有限公司');
    expect(names(x)).toContain('大规模个性化定制系统和技术全国重点实验室');
    expect(ties(x)).toContain('临江科创投资有限公司 INVESTS_IN 芯源半导体（临江）有限公司');
  });

  it('proposes no generic name that no relation uses', () => {
    expect(extract('培育高端优质创新平台。').entities).toEqual([]);
  });
});

describe('titles and quotes', () => {
  it('takes 《…》 as a programme and a quoted programme inside it as what it is part of', () => {
    const x = extract('6月19日，崂山区召开科技创新大会。会上发布了《崂山区实施“繁星计划”三年行动方案》。');
    expect(entity(x, '崂山区实施“繁星计划”三年行动方案')).toMatchObject({ type: 'Programme', rules: ['title'] });
    expect(ties(x)).toEqual(
      expect.arrayContaining([
        '崂山区实施“繁星计划”三年行动方案 PART_OF “繁星计划”',
        '崂山区 ISSUED 崂山区实施“繁星计划”三年行动方案',
        '崂山区实施“繁星计划”三年行动方案 PRESENTED_AT 科技创新大会',
      ]),
    );
  });

  it('takes a quote with a suffix after it, an awarded quote, and leaves slogans alone', () => {
    const x = extract(
      '崂山区出台“汇智崂山”人才系列政策。崂山区获评“全省科技创新示范区”。把科技创新作为“第一引擎”来抓。',
    );
    expect(entity(x, '“汇智崂山”人才系列政策')?.type).toBe('Programme');
    expect(entity(x, '“全省科技创新示范区”')?.type).toBe('Honor');
    expect(names(x).some((n) => n.includes('第一引擎'))).toBe(false);
  });
});

describe('relation cues and their direction', () => {
  it('reads a co-building pair, the institute they build and whose it is by its name', () => {
    const x = extract('云湖区与临江理工大学共建临江理工大学云湖创新研究院。');
    expect(ties(x)).toEqual(
      expect.arrayContaining([
        '云湖区 BUILDS 临江理工大学云湖创新研究院',
        '临江理工大学 BUILDS 临江理工大学云湖创新研究院',
        '临江理工大学云湖创新研究院 PART_OF 临江理工大学',
      ]),
    );
    expect(
      ties(x).some((t) => /^(云湖区 COLLABORATES_WITH 临江理工大学|临江理工大学 COLLABORATES_WITH 云湖区)$/.test(t)),
    ).toBe(true);
  });

  it('turns a reversed cue (拥有), a passive (由…发起) and 对…授予 the right way round', () => {
    const x = extract(
      '云湖区已拥有省级以上重点实验室27家。云湖区智能网联汽车产业创新联盟由临江星途智能科技有限公司牵头发起，首批吸纳成员单位35家。会议对10名国家级高层次人才授予首批“繁星人才”称号。',
    );
    expect(ties(x)).toEqual(
      expect.arrayContaining([
        '省级以上重点实验室 LOCATED_IN 云湖区',
        '临江星途智能科技有限公司 BUILDS 云湖区智能网联汽车产业创新联盟',
        '云湖区智能网联汽车产业创新联盟成员单位 MEMBER_OF 云湖区智能网联汽车产业创新联盟',
        '国家级高层次人才 AWARDED 首批“繁星人才”',
      ]),
    );
    expect(ties(x)).not.toContain('云湖区 LOCATED_IN 省级以上重点实验室');
  });

  it('carries a dropped subject over the clauses of a sentence', () => {
    const x = extract('崂山区坚持科技强区战略不动摇，出台了《崂山区科技创新发展规划》，组建了区级科技创新委员会。');
    expect(ties(x).sort()).toEqual(
      [
        '崂山区 IMPLEMENTS 科技强区战略',
        '崂山区 ISSUED 崂山区科技创新发展规划',
        '崂山区 BUILDS 区级科技创新委员会',
      ].sort(),
    );
  });

  it('gives the items listed before 等 the honour that follows', () => {
    const x = extract('会议现场对临江星途智能科技有限公司、云湖精密仪器集团等20家“云湖创新先锋企业”进行表彰。');
    expect(entity(x, '“云湖创新先锋企业”')).toMatchObject({ type: 'Honor', count: 20 });
    expect(ties(x)).toEqual(
      expect.arrayContaining([
        '临江星途智能科技有限公司 AWARDED “云湖创新先锋企业”',
        '云湖精密仪器集团 AWARDED “云湖创新先锋企业”',
      ]),
    );
  });
});

describe('counted groups', () => {
  it('makes a group of a counted noun, with its count and qualifier', () => {
    const x = extract(
      '崂山区已汇聚两院院士19人，国家级高层次人才153人，各类人才总量突破23万人；共吸引近六百位专家参会。支持180余个新认定创新平台建设。',
    );
    const group = (name: string) => x.entities.find((e) => e.kind === 'group' && e.name === name);
    expect(group('两院院士')).toMatchObject({ type: 'Talent', count: 19, count_qualifier: 'exact' });
    expect(group('国家级高层次人才')).toMatchObject({ count: 153 });
    expect(group('各类人才')).toMatchObject({ count: 230000, count_qualifier: 'more_than' });
    expect(group('专家')).toMatchObject({ count: 600, count_qualifier: 'nearly' });
    expect(group('新认定创新平台')).toMatchObject({ type: 'Platform', count: 180, count_qualifier: 'more_than' });
    expect(ties(x)).toEqual(expect.arrayContaining(['崂山区 ATTRACTS 两院院士', '崂山区 ATTRACTS 各类人才']));
  });

  it('counts the members of a distributed suffix as one group', () => {
    const x = extract('崂山区规划建设了虚拟现实、人工智能、智能制造三大产业园区。');
    expect(entity(x, '三大产业园区')).toMatchObject({ kind: 'group', count: 3, type: 'Park' });
    expect(ties(x)).toEqual(
      expect.arrayContaining([
        '虚拟现实产业园区 PART_OF 三大产业园区',
        '虚拟现实产业园区 FOCUSES_ON 虚拟现实',
        '崂山区 BUILDS 智能制造产业园区',
      ]),
    );
  });
});

describe('indicators', () => {
  it('reads figures with their unit, qualifier and the year the sentence gives', () => {
    const x = extract(
      '2023年，崂山区规模以上企业研发投入强度为4.32%，每万人高价值发明专利拥有量180件；累计投入近三亿元资金，近年来共投入过亿元资金，规划建设约42.8平方公里的人才社区。',
    );
    const figures = x.entities
      .filter((e) => e.kind === 'indicator')
      .map((e) => [e.value, e.unit, e.value_qualifier, e.year ?? null]);
    expect(figures).toEqual([
      [4.32, '%', 'exact', 2023],
      [180, '件', 'exact', 2023],
      [3, '亿元', 'nearly', 2023],
      [1, '亿元', 'more_than', 2023],
      [42.8, '平方公里', 'about', 2023],
    ]);
    expect(ties(x)).toContain('规模以上企业研发投入强度 MEASURES 崂山区');
  });

  it('leaves out targets and caps, and dates', () => {
    const x = extract(
      '6月19日，云湖区对团队给予最高1亿元资助，力争到2025年研发投入强度达到4.2%，高新技术企业突破800家。',
    );
    expect(x.entities.filter((e) => e.kind !== 'named')).toEqual([]);
  });
});

describe('the gazetteer', () => {
  it('marks a proposal that matches a known name or alias as a merge', () => {
    const gazetteer = [{ id: 'firm/haier', type: 'Firm', names: ['海尔集团', 'Haier Group', '海尔'] }];
    const x = extract('评选海尔集团等企业进行表彰。海尔获评十强企业。', { gazetteer });
    const haier = entity(x, '海尔集团');
    expect(haier?.merge).toEqual({ id: 'firm/haier', type: 'Firm', name: '海尔集团' });
    expect(x.entities.filter((e) => e.merge?.id === 'firm/haier')).toHaveLength(1);
    expect(haier?.evidence).toHaveLength(2);
  });

  it('offers no merge for a counted group or a figure, even when the dataset holds its name', () => {
    const gazetteer = [{ id: 'talent/national', type: 'Talent', names: ['国家级高层次人才'] }];
    const x = extract('崂山区集聚国家级高层次人才180人。', { gazetteer });
    const group = x.entities.find((e) => e.count === 180);
    expect(group?.name).toBe('国家级高层次人才');
    expect(group?.merge).toBeUndefined();
    expect(x.entities.filter((e) => e.merge)).toEqual([]);
  });

  it('makes one proposal of a known name, wherever the text names it', () => {
    const gazetteer = [{ id: 'district/laoshan', type: 'District', names: ['崂山区', '崂山'] }];
    const x = extract('崂山区召开大会。会上发布了《崂山区实施方案》，引进交易市场驻崂山。', { gazetteer });
    expect(x.entities.filter((e) => e.merge?.id === 'district/laoshan')).toHaveLength(1);
  });
});

describe('every proposal', () => {
  const text =
    '建区30年来，崂山区召开科技创新大会。\n\n会上发布了《“繁星计划”十二条政策措施》，专项支持山东能源研究院、北航青岛研究院等重大创新平台建设资金超过10亿元。';

  it('carries its sentences verbatim with their offsets, a confidence and its rules', () => {
    const x = extract(text);
    expect(x.entities.length).toBeGreaterThan(3);
    for (const item of [...x.entities.flatMap((e) => e.evidence), ...x.relations.map((r) => r.evidence)])
      expect(text.slice(item.start, item.end)).toBe(item.text);
    for (const e of x.entities) {
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
      expect(e.rules.length).toBeGreaterThan(0);
    }
    const institute = entity(x, '山东能源研究院');
    expect(institute && text.slice(institute.mentions[0]?.start, institute.mentions[0]?.end)).toBe('山东能源研究院');
  });

  it('is the same for the same text', () => {
    expect(extract(text)).toEqual(extract(text));
  });
});
