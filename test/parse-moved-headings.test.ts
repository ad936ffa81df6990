/**
 * Reports that drop the overview (一、总体情况) and number their sections
 * from 一 again: the tables are found by their labels, not by the numbers of
 * the headings above them, and the narrative sections by their words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare, type Json } from '../scripts/corpus-compare.js';
import { parseReport } from '../src/parse.js';
import { ROOT } from './fixtures/cli.js';

const CORPUS = `${ROOT}test/corpus/`;
const PAGES = readdirSync(`${CORPUS}html`).filter((f) => f.endsWith('.html')).map((f) => f.replace('.html', ''));

// Each section heading one place up; the overview's heading gone. Table 三's rows (一、本年新收…) keep their numbers.
const RENUMBER: [RegExp, string][] = [
  [/一、总体情况/g, ''],
  [/二、(主动公开政府信息)/g, '一、$1'],
  [/三、(收到和处理政府信息公开申请)/g, '二、$1'],
  [/四、(政府信息公开行政复议)/g, '三、$1'],
  [/五、(存在的主要问题|信息处理费)/g, '四、$1'],
  [/六、(其他需|存在的主要问题)/g, '五、$1'],
  [/七、(其他需)/g, '六、$1'],
];

function renumbered(text: string): string {
  const moved = RENUMBER.reduce((t, [pattern, to]) => t.replace(pattern, to), text);
  // A test that changed nothing could not fail.
  expect(moved).not.toBe(text);
  expect(moved).not.toContain('一、总体情况');
  return moved;
}

describe('headings that moved: no overview, sections numbered from 一', () => {
  it.each(PAGES)('%s: every table cell as on the page as published', async (id) => {
    const truth = JSON.parse(readFileSync(`${CORPUS}html/truth/${id}.json`, 'utf8')) as Json;
    const result = await parseReport(renumbered(readFileSync(`${CORPUS}html/${id}.html`, 'utf8')));
    const { match, differ, missing } = compare(truth, result.report);
    expect(match).toBeGreaterThan(150);
    expect(differ).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('the seed report as text: the same tables and findings, and the later sections still read', async () => {
    const text = readFileSync(`${CORPUS}fixtures/biandong-2021.txt`, 'utf8');
    const [before, after] = await Promise.all([parseReport(text), parseReport(renumbered(text))]);
    const { narrative: n1, ...tables1 } = before.report!;
    const { narrative: n2, ...tables2 } = after.report!;
    expect(tables2).toEqual(tables1);
    expect(after.findings).toEqual(before.findings);
    expect(n2?.problemsAndImprovements).toBe(n1?.problemsAndImprovements);
    expect(n2?.otherMatters).toBe(n1?.otherMatters);
    expect(n2?.overview).toBeUndefined();
  });
});

describe('the title, wherever it stands before the first heading', () => {
  const seed = readFileSync(`${CORPUS}fixtures/biandong-2021.txt`, 'utf8');
  const titled = async (...head: string[]) => {
    const { report } = await parseReport(seed.replace(/^# .*\n/, `${head.join('\n')}\n`));
    return { year: report?.year, agency: report?.agency };
  };

  it('is read past a site header, and the agency on the line above it joins it', async () => {
    const header = ['首页', '政务公开', '当前位置：首页 > 政府信息公开 > 年度报告'];
    expect(await titled(...header, '汴东产业集聚区2021年政府信息公开工作年度报告')).toEqual({ year: 2021, agency: '汴东产业集聚区' });
    expect(await titled(...header, '汴东产业集聚区', '2021年政府信息公开工作年度报告')).toEqual({ year: 2021, agency: '汴东产业集聚区' });
    expect(await titled('汴东产业集聚区2021年政府信息公开', '工作年度报告')).toEqual({ year: 2021, agency: '汴东产业集聚区' });
  });

  it('takes no date, navigation or sentence for the agency', async () => {
    expect(await titled('发布日期：2022-01-20', '2021年政府信息公开工作年度报告')).toEqual({ year: 2021, agency: undefined });
    expect(await titled('首页>信息公开>年度报告', '2021年政府信息公开工作年度报告')).toEqual({ year: 2021, agency: undefined });
    expect(await titled('根据《条例》要求，特编制2021年政府信息公开工作年度报告')).toEqual({ year: undefined, agency: undefined });
  });
});
