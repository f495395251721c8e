import { and, count, eq, isNotNull } from 'drizzle-orm';
import { readNumber, type NumberRule } from '../../core/i18n/dutch-input.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';

export type LineProblem = 'format' | 'unknownCode' | 'notInteger' | 'negative' | 'tooLarge' | 'duplicate';

export interface BadLine {
  /** 1-based line number in the pasted text. */
  line: number;
  text: string;
  problem: LineProblem;
  /** Line number of the first occurrence, for a duplicate. */
  first?: number;
}

export interface ParsedPopulation {
  values: { code: string; population: number }[];
  bad: BadLine[];
}

/** More than any municipality could have; also keeps the value far inside a 32-bit integer. */
export const maximumPopulation = 100_000_000;
const populationRule: NumberRule = { decimals: 0, min: 0, max: maximumPopulation };

const unquote = (field: string) =>
  field
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
const isHeader = (fields: string[]) =>
  fields.length === 2 && fields[0]?.toLowerCase() === 'code' && fields[1]?.toLowerCase() === 'population';

function problemOf(fields: string[], knownCodes: ReadonlySet<string>): LineProblem | undefined {
  const [code, population] = fields;
  if (fields.length !== 2 || !code || !population) return 'format';
  if (!knownCodes.has(code.toUpperCase())) return 'unknownCode';
  if (/^[-−]\s*\d/.test(population.trim())) return 'negative';
  const reading = readNumber(population, populationRule);
  if (!reading.ok) return reading.problem === 'range' ? 'tooLarge' : 'notInteger';
  return undefined;
}

/**
 * Lines of `code,population` (a comma, semicolon or tab between them; a header line is allowed).
 * Every bad line is reported; the caller stores nothing unless there are none.
 */
export function parsePopulation(text: string, knownCodes: ReadonlySet<string>): ParsedPopulation {
  const result: ParsedPopulation = { values: [], bad: [] };
  const firstLine = new Map<string, number>();
  let isFirst = true;
  for (const [index, raw] of text.split(/\r\n|\r|\n/).entries()) {
    if (raw.trim() === '') continue;
    const line = index + 1;
    const fields = raw.split(/[,;\t]/).map(unquote);
    const isHeaderLine = isFirst && isHeader(fields);
    isFirst = false;
    if (isHeaderLine) continue;
    const problem = problemOf(fields, knownCodes);
    const code = (fields[0] ?? '').toUpperCase();
    const first = firstLine.get(code);
    if (problem) result.bad.push({ line, text: raw.trim(), problem });
    else if (first !== undefined) result.bad.push({ line, text: raw.trim(), problem: 'duplicate', first });
    else {
      firstLine.set(code, line);
      const reading = readNumber(fields[1] ?? '', populationRule);
      result.values.push({ code, population: reading.ok ? reading.value : 0 });
    }
  }
  return result;
}

export async function municipalityCodes(db: Db): Promise<Set<string>> {
  const rows = await db
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.kind, 'municipality'));
  return new Set(rows.map((r) => r.code));
}

/** How many municipalities have a population set, of how many. */
export async function populationCoverage(db: Db): Promise<{ withPopulation: number; total: number }> {
  const municipality = eq(organisations.kind, 'municipality');
  const [total] = await db.select({ n: count() }).from(organisations).where(municipality);
  const [set] = await db
    .select({ n: count() })
    .from(organisations)
    .where(and(municipality, isNotNull(organisations.population)));
  return { withPopulation: set?.n ?? 0, total: total?.n ?? 0 };
}
