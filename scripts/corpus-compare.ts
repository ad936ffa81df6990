/**
 * Comparing a parsed report with a truth file of the shared corpus: every
 * cell (html/truth) or the key figures (truth/). Used by npm run corpus and
 * by the parser's tests.
 */
import { formatFee, parseFee } from '../src/index.js';

export type Json = Record<string, unknown>;

/** Compares a truth value with the parsed one: amounts as printed (元 or 万元) against the canonical 万元. */
function same(truth: unknown, parsed: unknown, key: string): boolean {
  if (key === 'amount' && typeof truth === 'string' && typeof parsed === 'string') {
    try {
      return formatFee(parseFee(truth)) === parsed;
    } catch {
      return false;
    }
  }
  return truth === parsed;
}

/** Every leaf of a truth file against the parsed report, by path. */
export function compare(truth: Json, parsed: unknown, path = ''): { match: number; differ: string[]; missing: string[] } {
  const tally = { match: 0, differ: [] as string[], missing: [] as string[] };
  for (const [key, value] of Object.entries(truth)) {
    const here = `${path}/${key}`;
    const got = (parsed as Json | undefined)?.[key];
    if (value !== null && typeof value === 'object') {
      const sub = compare(value as Json, got, here);
      tally.match += sub.match;
      tally.differ.push(...sub.differ);
      tally.missing.push(...sub.missing);
    } else if (got === undefined || (got === null && value !== null)) tally.missing.push(here);
    else if (same(value, got, key)) tally.match++;
    else tally.differ.push(`${here}: truth ${JSON.stringify(value)}, parsed ${JSON.stringify(got)}`);
  }
  return tally;
}

const COLUMNS: Readonly<Record<string, string>> = {
  naturalPerson: 'naturalPerson',
  commercial: 'commercialEnterprise',
  research: 'researchInstitution',
  publicInterest: 'publicInterestOrganization',
  legalService: 'legalServiceAgency',
  other: 'otherOrganization',
  total: 'total',
};

/** A key-figure truth file (truth/NNN.json) in the shape of the report, so the same comparison serves. */
export function keyFigures(truth: Json): Json {
  const row = (name: string) => {
    const figures = truth[name] as Json | null;
    return figures && Object.fromEntries(Object.entries(figures).map(([k, v]) => [COLUMNS[k]!, v]));
  };
  const cell = (name: string) => truth[name] ?? null;
  return {
    applications: {
      received: row('newApplications'),
      carriedOver: row('carriedOver'),
      outcomes: { granted: row('granted'), total: row('outcomeTotal') },
      carriedForward: row('carriedForward'),
    },
    reviewAndLitigation: {
      administrativeReview: { total: cell('reviewTotal') },
      litigationWithoutReview: { total: cell('litigationDirectTotal') },
      litigationAfterReview: { total: cell('litigationAfterReviewTotal') },
    },
    proactive: {
      regulations: { issued: cell('regulationsIssued') },
      normativeDocuments: { issued: cell('normativeDocsIssued'), inForce: cell('normativeDocsInForce') },
      licensing: { decisions: cell('licensingDecisions') },
      penalties: { decisions: cell('penaltyDecisions') },
      coercion: { decisions: cell('coercionDecisions') },
      fees: { amount: cell('feeAmount') },
    },
  };
}

