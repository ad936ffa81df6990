/**
 * The units of the form: what each kind of cell counts in, and the units an
 * amount may be published in.
 *
 * @module
 */
import type { CellKind, Unit } from './types.js';

/**
 * The unit of each kind of cell in the model.
 *
 * @example
 * ```ts
 * import { CELL_UNITS } from 'gov-disclosure-report';
 * CELL_UNITS.money; // '万元'
 * ```
 */
export const CELL_UNITS: Readonly<Record<CellKind, Unit>> = { count: '件', signedCount: '件', money: '万元' };

/**
 * The units an amount may be published in, each with how many of it make
 * one 万元 (the form's unit).
 *
 * @example
 * ```ts
 * import { MONEY_UNITS } from 'gov-disclosure-report';
 * MONEY_UNITS['元']; // 10000
 * ```
 */
export const MONEY_UNITS = { 万元: 1, 元: 10_000 } as const satisfies Partial<Record<Unit, number>>;
