/**
 * The rule catalogue page (docs/rules.md), from the rule catalogue and the
 * format metadata: code, severity, the rule in words, and an example message
 * in each locale. scripts/write-docs.ts writes it; a test keeps it current.
 */
import { layoutOf, renderMessage, RULES, type Locale, type MessageParams, type RuleCode } from '../src/index.js';

const layout = layoutOf('2021');
const cell = (pointer: string) => {
  const found = layout.cellAt.get(pointer)!;
  return { where: found.label, whereEn: found.en };
};

/** Example parameters for each code that is not a relation (those come from the layout's equations). */
const EXAMPLES: Partial<Record<RuleCode, MessageParams>> = {
  'shape.type': { ...cell('/applications/received/naturalPerson'), where: '三、收到和处理政府信息公开申请情况', whereEn: 'applications', expected: 'object', actual: 'array' },
  'shape.required': { where: '报告年度', whereEn: 'report year' },
  'shape.unknownKey': { where: '/applications/remarks', whereEn: '/applications/remarks', detail: '2021' },
  'shape.edition': { where: '报告格式版本', whereEn: 'edition', actual: '"2020"' },
  'shape.year': { where: '报告年度', whereEn: 'report year', actual: 2018, detail: '2019–2100' },
  'shape.enum': { where: '报告主体类别', whereEn: 'publisher kind', expected: 'department, government, other', actual: '"county"' },
  'shape.date': { where: '发布日期', whereEn: 'publication date', actual: '"2022-02-30"' },
  'shape.unreadable': { where: '报告', whereEn: 'report', detail: 'a getter threw' },
  'cell.notInteger': { ...cell('/applications/received/naturalPerson'), actual: '"12"' },
  'cell.negative': { ...cell('/applications/received/naturalPerson'), actual: -1 },
  'cell.tooLarge': { ...cell('/applications/received/naturalPerson'), actual: 9007199254740992 },
  'cell.blank': cell('/applications/received/researchInstitution'),
  'money.invalid': { ...cell('/proactive/fees/amount'), actual: '"1,000"' },
  'money.negative': { ...cell('/proactive/fees/amount'), actual: '"-1.5"' },
  'money.precision': { ...cell('/proactive/fees/amount'), expected: '4166.2416', actual: '"4166.241619"' },
  'edition.year': { where: '报告格式版本', whereEn: 'edition', expected: '2019', actual: '2021', detail: '2020' },
  'publication.late': { where: '发布日期', whereEn: 'publication date', expected: '2022-01-31', actual: '2022-02-03', detail: '3' },
  'publication.early': { where: '发布日期', whereEn: 'publication date', expected: '2021-12-31', actual: '2021-12-20' },
  'continuity.year': { where: '报告年度', whereEn: 'report year', expected: 2021, actual: 2019 },
  'continuity.previousInvalid': { where: '报告', whereEn: 'report', detail: 'shape.required /year' },
  'parse.unsupportedInput': { where: '报告', whereEn: 'report', detail: 'PDF' },
  'parse.editionUnknown': { where: '报告格式版本', whereEn: 'edition', expected: '2021' },
  'parse.tableMissing': { where: '四、政府信息公开行政复议、行政诉讼情况', whereEn: 'Administrative review and litigation' },
  'parse.imagesInsteadOfTables': { where: '报告', whereEn: 'report', detail: '二、主动公开政府信息情况' },
  'parse.rowMissing': { where: '第二十条第（一）项 · 规章', whereEn: 'regulations' },
  'parse.unreadableCell': { ...cell('/proactive/licensing/decisions'), actual: '见附件' },
  'parse.extraRow': { where: '二、主动公开政府信息情况', whereEn: 'Proactive disclosure', detail: '其他主动公开文件' },
};

function example(code: RuleCode): MessageParams {
  const eq = [layoutOf('2021'), layoutOf('2019')].flatMap((l) => l.equations.map((e) => ({ e, l }))).find(({ e }) => e.rule === code);
  if (!eq) return EXAMPLES[code]!;
  const target = eq.l.cells[eq.e.target]!;
  return { where: target.label, whereEn: target.en, expected: 5, actual: 4, detail: eq.e.wording.zh };
}

const cellText = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function rulesMarkdown(): string {
  const rows = (Object.keys(RULES) as RuleCode[]).map((code) => {
    const { severity, rule } = RULES[code];
    const params = example(code);
    const message = (locale: Locale) => {
      const detail = locale === 'en' && layoutOf('2021').equations.concat(layoutOf('2019').equations).find((e) => e.rule === code)?.wording.en;
      return renderMessage(code, locale, detail ? { ...params, detail } : params);
    };
    return `| \`${code}\` | ${severity} | ${cellText(rule.zh)}<br>${cellText(rule.en)} | ${cellText(message('zh-CN'))}<br>${cellText(message('en'))} |`;
  });
  return `# Rule catalogue

Every finding that \`validateReport\` can give, generated from the rule catalogue (\`src/rules/catalogue.ts\`)
and the format metadata (\`src/format/\`) by \`npm run docs:rules\`. The code is the stable contract; the
messages may be reworded. A finding's \`path\` is the JSON Pointer of the cell at fault and \`cells\` lists
every cell the rule read.

A blank cell (\`null\`) counts as 0 in the sums and gives \`cell.blank\`; a blank total is derived from its
parts instead. \`ok\` is false exactly when a finding is an error.

| code | severity | rule | example message (zh-CN, en) |
|---|---|---|---|
${rows.join('\n')}
`;
}

