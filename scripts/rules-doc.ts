/**
 * The rule catalogue page (docs/rules.md), from the rule catalogue and the
 * format metadata: code, severity, the rule in words, and an example message
 * in each locale. scripts/write-docs.ts writes it; a test keeps it current.
 */
import { layoutOf, renderMessage, REPORT_FIELDS, RULES, type Locale, type MessageParams, type RuleCode } from '../src/index.js';
import { escapeCell } from '../src/render/markdown.js';

const layout = layoutOf('2021');
const cell = (pointer: string) => {
  const found = layout.cellAt.get(pointer) ?? layout.objectAt.get(pointer)!;
  return { where: found.label, whereEn: found.en };
};
const field = (key: keyof typeof REPORT_FIELDS) => ({ where: REPORT_FIELDS[key].label, whereEn: REPORT_FIELDS[key].en });

/** Example parameters for each code that is not a relation (those come from the layout's equations). */
const EXAMPLES: Partial<Record<RuleCode, MessageParams>> = {
  'shape.type': { ...cell('/applications'), expected: 'object', actual: 'array' },
  'shape.required': field('year'),
  'shape.unknownKey': { where: '/applications/remarks', whereEn: '/applications/remarks', detail: '2021' },
  'shape.edition': { ...field('edition'), actual: '"2020"' },
  'shape.year': { ...field('year'), actual: 2018, detail: '2019–2100' },
  'shape.enum': { ...field('publisher'), expected: 'department, government, other', actual: '"county"' },
  'shape.date': { ...field('publishedOn'), actual: '"2022-02-30"' },
  'shape.unreadable': { ...field(''), detail: 'a getter threw' },
  'cell.notInteger': { ...cell('/applications/received/naturalPerson'), actual: '"12"' },
  'cell.negative': { ...cell('/applications/received/naturalPerson'), actual: -1 },
  'cell.tooLarge': { ...cell('/applications/received/naturalPerson'), actual: 9007199254740992 },
  'cell.blank': cell('/applications/received/researchInstitution'),
  'money.invalid': { ...cell('/proactive/fees/amount'), actual: '"1,000"' },
  'money.negative': { ...cell('/proactive/fees/amount'), actual: '"-1.5"' },
  'money.precision': { ...cell('/proactive/fees/amount'), expected: '4166.2416', actual: '"4166.241619"' },
  'edition.year': { ...field('edition'), expected: '2019', actual: '2021', detail: '2020' },
  'publication.late': { ...field('publishedOn'), expected: '2022-01-31', actual: '2022-02-03', detail: '3' },
  'publication.early': { ...field('publishedOn'), expected: '2021-12-31', actual: '2021-12-20' },
  'continuity.year': { ...field('year'), expected: 2021, actual: 2019 },
  'continuity.previousInvalid': { ...field(''), detail: 'shape.required /year' },
  'parse.unsupportedInput': { ...field(''), detail: 'binary data' },
  'parse.editionUnknown': { ...field('edition'), expected: '2021' },
  'parse.tableMissing': cell('/reviewAndLitigation'),
  'parse.imagesInsteadOfTables': { ...field(''), detail: layout.meta.tables[0].label },
  'parse.rowMissing': cell('/proactive/regulations'),
  'parse.unreadableCell': { ...cell('/proactive/licensing/decisions'), actual: '见附件' },
  'parse.labelVariant': { ...cell('/applications/outcomes/denied/prohibitedByLawOrRegulation'), actual: '2.其他法律行政止公开' },
  'parse.extraRow': { ...cell('/proactive'), detail: '其他主动公开文件' },
  'parse.subtotal': { ...cell('/applications/outcomes/denied'), expected: 3, actual: 4 },
  'parse.ambiguous': { ...cell('/proactive/normativeDocuments'), actual: '5845546', detail: '5|8|45546; 5|84|5546; …' },
};

/** The example message of a code in a locale: a relation's from its first equation in the layout. */
function exampleMessage(code: RuleCode, locale: Locale): string {
  const found = [layoutOf('2021'), layoutOf('2019')].flatMap((l) => l.equations.map((e) => ({ e, l }))).find(({ e }) => e.rule === code);
  if (!found) return renderMessage(code, locale, EXAMPLES[code]!);
  const target = found.l.cells[found.e.target]!;
  const detail = locale === 'en' ? found.e.wording.en : found.e.wording.zh;
  return renderMessage(code, locale, { where: target.label, whereEn: target.en, expected: 5, actual: 4, detail });
}

export function rulesMarkdown(): string {
  const rows = (Object.keys(RULES) as RuleCode[]).map((code) => {
    const { severity, rule } = RULES[code];
    const text = [rule.zh, rule.en].map(escapeCell).join('<br>');
    const messages = (['zh-CN', 'en'] as const).map((locale) => escapeCell(exampleMessage(code, locale))).join('<br>');
    return `| \`${code}\` | ${severity} | ${text} | ${messages} |`;
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

