/**
 * The unit a column's header gives the amounts under it
 * (本年收费金额（单位：元）), read by the units of the format
 * ({@link MONEY_UNITS}), so that a bare figure is read in it.
 */
import type { CellInfo } from '../format/layout.js';
import type { TableMeta } from '../format/types.js';
import { MONEY_UNITS } from '../format/units.js';
import { normalizeLabel } from './normalize.js';
import type { SourceCell } from './source.js';

/**
 * A unit an amount may be published in: a key of {@link MONEY_UNITS}.
 *
 * @example
 * ```ts
 * import type { MoneyUnit } from './header-units.js';
 * const unit: MoneyUnit = '元';
 * ```
 */
export type MoneyUnit = keyof typeof MONEY_UNITS;

// Longest first: a header that says 万元 also holds 元.
const BY_LENGTH = (Object.keys(MONEY_UNITS) as MoneyUnit[]).sort((a, b) => b.length - a.length);

/**
 * The unit a column header names, if any: the first of the format's money
 * units, longest first, found in its text.
 *
 * @example
 * ```ts
 * import { headerUnit } from './header-units.js';
 * headerUnit('本年收费金额(单位:万元)'); // '万元'
 * headerUnit('采购总金额(元)'); // '元'
 * ```
 */
export function headerUnit(header: string): MoneyUnit | undefined {
  return BY_LENGTH.find((unit) => header.includes(unit));
}

/**
 * Lines of text have no grid to put a header over its column: the unit of a
 * money column is read from the line that names it by the words of its
 * label before the parenthesis (本年收费金额（单位：元）). Keyed by column
 * key; worked out once a table, for all the readers of its lines.
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * import { headerUnits } from './header-units.js';
 * import { cellsByLine } from './text.js';
 * const lines = [{ text: '行政事业性收费  本年收费金额（单位：元）', offset: 0 }];
 * headerUnits(cellsByLine(lines), layoutOf('2021').meta.tables[0]).get('amount'); // '元'
 * ```
 */
export function headerUnits(lines: readonly (readonly SourceCell[])[], table: TableMeta): Map<string, MoneyUnit> {
  const units = new Map<string, MoneyUnit>();
  for (const column of table.blocks.flatMap((b) => b.columns).filter((c) => c.kind === 'money')) {
    const words = normalizeLabel(column.label).split('(')[0]!;
    const header = lines.map((cells) => cells.map((c) => c.label).join('')).find((text) => text.includes(words));
    const unit = header === undefined ? undefined : headerUnit(header.slice(header.indexOf(words)));
    if (unit) units.set(column.key, unit);
  }
  return units;
}

/**
 * A row's figures with the unit their column's header gives (see {@link headerUnits}).
 *
 * @example
 * ```ts
 * import { layoutOf } from 'gov-disclosure-report';
 * import { withUnits } from './header-units.js';
 * import { cellsOfTextLine } from './text.js';
 * const [, ...figures] = cellsOfTextLine({ text: '行政事业性收费 147230', offset: 0 });
 * const fees = layoutOf('2021').cellAt.get('/proactive/fees/amount')!;
 * withUnits([fees], figures, new Map([['amount', '元']])); // [{ text: '147230', unit: '元', … }]
 * ```
 */
export function withUnits(cells: readonly CellInfo[], figures: readonly SourceCell[], units: ReadonlyMap<string, MoneyUnit>): (SourceCell & { unit?: MoneyUnit })[] {
  return figures.map((figure, k) => {
    const unit = cells[k]?.kind === 'money' ? units.get(cells[k]!.column.key) : undefined;
    return unit ? { ...figure, unit } : figure;
  });
}
