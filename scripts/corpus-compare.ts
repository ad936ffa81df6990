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

/**
 * Every leaf of a truth file against the parsed report, by path. With the
 * parser's provenance, a figure the source prints as a blank cell (read as
 * `null` where the truth file says 0, or a total derived from its parts where
 * it says `null`) is counted apart from one not read.
 */
export function compare(
  truth: Json,
  parsed: unknown,
  provenance: Readonly<Record<string, { kind: string }>> = {},
  path = '',
): { match: number; differ: string[]; missing: string[]; blank: string[] } {
  const tally = { match: 0, differ: [] as string[], missing: [] as string[], blank: [] as string[] };
  for (const [key, value] of Object.entries(truth)) {
    const here = `${path}/${key}`;
    const got = (parsed as Json | undefined)?.[key];
    if (value !== null && typeof value === 'object') {
      const sub = compare(value as Json, got, provenance, here);
      tally.match += sub.match;
      tally.differ.push(...sub.differ);
      tally.missing.push(...sub.missing);
      tally.blank.push(...sub.blank);
    } else if ((got === null) !== (value === null) && provenance[here]?.kind === 'blank') {
      // Printed blank: read as null where the truth file says 0, or (a total) derived where it says null.
      tally.blank.push(here);
    }
    else if (got === undefined || (got === null && value !== null)) tally.missing.push(here);
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

/**
 * A key-figure truth file (truth/NNN.json) in the shape of the report, so the
 * same comparison serves. In the 2019 edition the figures named `…Issued` are
 * 本年新制作数量, and a figure the edition does not have (`null` in the file) is left out.
 */
export function keyFigures(truth: Json, edition: '2021' | '2019' = '2021'): Json {
  const row = (name: string) => {
    const figures = truth[name] as Json | null;
    return figures && Object.fromEntries(Object.entries(figures).map(([k, v]) => [COLUMNS[k]!, v]));
  };
  const cell = (name: string) => truth[name] ?? null;
  const old = edition === '2019';
  const proactive: Json = {
    regulations: { [old ? 'newlyMade' : 'issued']: cell('regulationsIssued') },
    normativeDocuments: { [old ? 'newlyMade' : 'issued']: cell('normativeDocsIssued'), ...(old ? {} : { inForce: cell('normativeDocsInForce') }) },
    licensing: { decisions: cell('licensingDecisions') },
    penalties: { decisions: cell('penaltyDecisions') },
    coercion: { decisions: cell('coercionDecisions') },
    ...(old ? {} : { fees: { amount: cell('feeAmount') } }),
  };
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
    proactive,
  };
}

/** The edition of each report of the corpus, by id, from its index.tsv (`format` column). */
export function corpusEditions(indexTsv: string): Map<string, '2021' | '2019'> {
  const [header, ...rows] = indexTsv.trim().split('\n').map((line) => line.split('\t'));
  const [id, format] = [header!.indexOf('id'), header!.indexOf('format')];
  return new Map(rows.map((row) => [row[id]!, row[format] === '2019' ? '2019' : '2021']));
}
