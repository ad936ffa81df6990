/**
 * The rule catalogue page (docs/rules.md), from the rule catalogue and the
 * format metadata: code, severity, the rule in words, and an example message
 * in each locale. scripts/write-docs.ts writes it; a test keeps it current.
 */
import { layoutOf, RULES, type Finding, type Locale, type RuleCode } from '../src/index.js';
import { escapeCell } from '../src/render/markdown.js';
import { FindingList } from '../src/validate/finding.js';

/** The example finding of a code, in a locale: its catalogue example, raised at its example path. */
export function exampleFinding(code: RuleCode, locale: Locale): Finding {
  const { example, examplePath } = RULES[code];
  const layout = [layoutOf('2021'), layoutOf('2019')].find((l) => l.cellAt.has(examplePath) || l.objectAt.has(examplePath)) ?? layoutOf('2021');
  const eq = layout.equations.find((e) => e.rule === code && layout.cells[e.target]!.pointer === examplePath);
  const out = new FindingList(locale, layout);
  out.add(code as 'shape.unreadable', examplePath, example as never, { relation: eq?.wording });
  return out.items[0]!;
}

export function rulesMarkdown(): string {
  const rows = (Object.keys(RULES) as RuleCode[]).map((code) => {
    const { severity, rule } = RULES[code];
    const text = [rule.zh, rule.en].map(escapeCell).join('<br>');
    const messages = (['zh-CN', 'en'] as const).map((locale) => escapeCell(exampleFinding(code, locale).message)).join('<br>');
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

