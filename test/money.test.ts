import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatFee, parseFee, validateReport, wanToYuan, yuanToWan } from '../src/index.js';
import { busyReport2021 } from './fixtures/reports.js';

describe('formatFee', () => {
  it.each([
    [0, '0.0000'],
    ['0', '0.0000'],
    ['12.34565', '12.3457'],
    ['12.34564999', '12.3456'],
    [1.5, '1.5000'],
    ['0.00005', '0.0001'],
    ['0.00004', '0.0000'],
    ['-0.00004', '0.0000'],
    ['-1.00005', '-1.0001'],
    // 0.1 + 0.2 is 0.30000000000000004 as a binary float: four decimals still say 0.3000.
    [0.1 + 0.2, '0.3000'],
    ['4166.241619', '4166.2416'],
    ['99999999999999999999.99995', '100000000000000000000.0000'],
  ])('formatFee(%j) = %s', (input, expected) => {
    expect(formatFee(input)).toBe(expected);
  });

  it.each([NaN, Infinity, '1e3', '1,000', '', 'abc', '１２'])('rejects %j with a one-line RangeError', (input) => {
    expect(() => formatFee(input)).toThrow(RangeError);
    expect(() => formatFee(input)).toThrow(/^formatFee: not a decimal amount: .*$/);
  });

  it('rounds half-up, never half-even, and leaves the global Decimal settings alone', () => {
    const before = Decimal.rounding;
    expect(['0.00005', '0.00015', '0.00025', '2.50005'].map(formatFee)).toEqual(['0.0001', '0.0002', '0.0003', '2.5001']);
    expect(Decimal.rounding).toBe(before);
  });
});

describe('parseFee', () => {
  it.each([
    ['0', '0'],
    ['1.5', '1.5'],
    ['1.5万元', '1.5'],
    ['15000元', '1.5'],
    ['１２.５', '12.5'],
    ['１２．５万元', '12.5'],
    [' 251000 元 ', '25.1'],
    ['1元', '0.0001'],
    ['0.1元', '0.00001'],
    ['4166.241619', '4166.241619'],
  ])('parseFee(%j) = %j', (input, expected) => {
    expect(parseFee(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['-1', 'negative'],
    ['1,000', 'thousands separators are not read'],
    ['1e3', 'exponent notation is not read'],
    ['1.5美元', 'the unit must be 万元 or 元'],
    ['1.5万', 'the unit must be 万元 or 元'],
    ['abc', 'not a decimal number'],
    ['万元', 'not a decimal number'],
    ['1.', 'not a decimal number'],
    ['.5', 'not a decimal number'],
    ['NaN', 'not a decimal number'],
    ['1'.repeat(401), 'longer than 400 characters'],
  ])('rejects %j: %s', (input, reason) => {
    expect(() => parseFee(input)).toThrow(new RegExp(`^parseFee: ${reason}: "`));
  });

  it.each([
    ['1 000', 'a space between digits'],
    ['1\u2009000', 'a thin space between digits'],
    ['1\u00a0000', 'a no-break space between digits'],
    ['1\u3000000', 'an ideographic space between digits'],
    ['1\n000', 'a line break between digits'],
    ['12. 5', 'a space after the point'],
    ['12 .5', 'a space before the point'],
    ['1 2.5 元', 'a space between digits, and one before the unit'],
    ['1 000万元', 'a space between digits, then the unit'],
    ['１ ０００', 'a space between full-width digits'],
  ])('refuses %j (%s) rather than joining its parts', (input) => {
    expect(() => parseFee(input)).toThrow(RangeError);
    expect(() => parseFee(input)).toThrow(/^parseFee: white space inside a number is not read: ".*"$/);
  });

  it('refuses a full-width thousands separator as it does a comma', () => {
    expect(() => parseFee('1，000')).toThrow(/^parseFee: thousands separators are not read: "1，000"$/);
  });

  it.each([
    [' 3万元 ', '3'],
    ['3 万元', '3'],
    ['\u30003\u2009万元\u00a0', '3'],
    ['\t12.5\n', '12.5'],
  ])('allows white space around the number and before its unit: %j', (input, expected) => {
    expect(parseFee(input)).toBe(expected);
  });

  it.each([
    ['00012.5', '12.5'],
    ['000', '0'],
    ['0001.5万元', '1.5'],
    ['０００１２.５', '12.5'],
  ])('reads leading zeros, as tables pad figures, and drops them: %j → %j', (input, expected) => {
    expect(parseFee(input)).toBe(expected);
  });

  it('reads as long an amount as the validator does', () => {
    expect(parseFee(`0.${'3'.repeat(398)}`)).toBe(`0.${'3'.repeat(398)}`);
  });
});

describe('元 ⇄ 万元', () => {
  it('converts exactly, both ways', () => {
    expect(yuanToWan('251000')).toBe('25.1');
    expect(yuanToWan(1)).toBe('0.0001');
    expect(wanToYuan('25.1')).toBe('251000');
    expect(wanToYuan('0.00001')).toBe('0.1');
    expect(wanToYuan(yuanToWan('123456789.123456789'))).toBe('123456789.123456789');
  });

  it('rejects what is not an amount', () => {
    expect(() => yuanToWan('1元')).toThrow(/^yuanToWan: /);
    expect(() => wanToYuan(NaN)).toThrow(/^wanToYuan: /);
  });
});

describe('amounts in reports', () => {
  it.each([
    ['12.5', '12.5000'],
    [12.5, '12.5000'],
    ['0', '0.0000'],
    ['0.00005', '0.0001'],
  ])('an amount of %j is returned as %j', (amount, canonical) => {
    const report = { ...busyReport2021(), proactive: { ...busyReport2021().proactive, fees: { amount } } };
    const result = validateReport(report);
    expect(result.ok).toBe(true);
    expect(result.report?.proactive.fees).toEqual({ amount: canonical });
  });

  it('says when an amount had more than four decimals, with the rounded value', () => {
    const report = { ...busyReport2021(), proactive: { ...busyReport2021().proactive, fees: { amount: '4166.241619' } } };
    const result = validateReport(report);
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'money.precision', path: '/proactive/fees/amount', expected: '4166.2416', actual: '4166.241619' }),
    ]);
  });
});
