import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { isOneTypoApart, parseQuery, typoMinLength, type QueryUnit } from '../../core/db/dutch-query.ts';

/** At most this many practice words stand in for one query word (the closest first). */
const wordsPerTerm = 40;

interface Candidate {
  term: string;
  word: string;
  isPrefix: boolean;
}

/** What one query word stands for: the words it begins, and the words one typo away. */
interface Widening {
  prefixed: string[];
  typos: string[];
}

/** Whether `term` is one typo from `word` or from one of its beginnings ("parkeergarge"). */
function isTypoOf(term: string, word: string): boolean {
  for (let n = term.length - 1; n <= term.length + 1; n++)
    if (n <= word.length && isOneTypoApart(term, word.slice(0, n))) return true;
  return false;
}

/**
 * The practice words each query word stands for (decision 0021). The Dutch stemmer gives the stem
 * ("parkeren" → "parker", "gemeenten" → "gemeent"); a compound begins with a word as typed, with its
 * stem, or with the stem's closed syllable written long as Dutch compounds write it ("parker" →
 * "parkeer", "won" → "woon"). Trigram similarity finds the candidates for one typo, which
 * isOneTypoApart then checks. Stop words ("de", "een") stand only for themselves.
 */
async function candidatesOf(db: Db, terms: string[]): Promise<Candidate[]> {
  if (terms.length === 0) return [];
  const result = (await db.execute(sql`
    with t as (
      select term, (ts_lexize('dutch_stem', term))[1] as stem
      from unnest(${`{${terms.join(',')}}`}::text[]) as term
    ), s as (
      select term, stem, regexp_replace(stem, '([^aeiou])([aeiou])([^aeiouwy])$', '\\1\\2\\2\\3') as part
      from t where stem is not null
    ), c as (
      select s.term, w.word,
        (w.word like s.term || '%' or (length(s.stem) >= 4 and w.word like s.stem || '%')
          or (length(s.part) >= 4 and w.word like s.part || '%')) as is_prefix,
        similarity(s.term, w.word) as closeness
      from s join practice_search_words w
        on (length(s.term) >= 3 and w.word like s.term || '%')
        or (length(s.stem) >= 4 and w.word like s.stem || '%')
        or (length(s.part) >= 4 and w.word like s.part || '%')
        or (length(s.term) >= ${typoMinLength} and (s.term % w.word or s.term <% w.word))
    )
    select term, word, is_prefix as "isPrefix" from (
      select c.*, row_number() over (partition by term order by is_prefix desc, closeness desc, word) as n from c
    ) ranked where n <= ${wordsPerTerm}
  `)) as unknown as { rows: Candidate[] };
  return result.rows;
}

/**
 * Sorts the candidates into prefixes and typos. A word that some practice uses as typed is taken
 * as meant: typos are looked for only for words no practice has.
 */
async function wideningsOf(db: Db, terms: string[]): Promise<Map<string, Widening>> {
  const widenings = new Map<string, Widening>(terms.map((t) => [t, { prefixed: [], typos: [] }]));
  const candidates = await candidatesOf(db, terms);
  const known = new Set(candidates.filter((c) => c.word === c.term).map((c) => c.term));
  for (const { term, word, isPrefix } of candidates) {
    const widening = widenings.get(term);
    if (!widening || word === term) continue;
    if (isPrefix) widening.prefixed.push(word);
    else if (!known.has(term) && term.length >= typoMinLength && isTypoOf(term, word))
      widening.typos.push(word);
  }
  return widenings;
}

/** A word or any of the words it stands for. */
function anyOf(word: string, others: string[]): SQL {
  return sql`(${sql.join(
    [word, ...others].map((w) => sql`plainto_tsquery('dutch', ${w})`),
    sql` || `,
  )})`;
}

/** A left-out word leaves out its prefixes too ("-parkeergarage" also "parkeergarages"), not typos. */
function unitQuery(unit: QueryUnit, widenings: Map<string, Widening>): SQL {
  if (unit.kind === 'phrase') return sql`phraseto_tsquery('dutch', ${unit.text})`;
  const widening = widenings.get(unit.word) ?? { prefixed: [], typos: [] };
  if (unit.kind === 'not') return sql`(!! ${anyOf(unit.word, widening.prefixed)})`;
  return anyOf(unit.word, [...widening.prefixed, ...widening.typos]);
}

/**
 * The tsquery for what the user typed, each word widened to the practice words it stands for;
 * `null` when nothing in it can match (only one-letter words, say).
 */
export async function widenedTsquery(db: Db, q: string): Promise<SQL | null> {
  const clauses = parseQuery(q);
  if (clauses.length === 0) return null;
  const terms = [
    ...new Set(
      clauses.flat().flatMap((u) => (u.kind !== 'phrase' && /^\p{L}+$/u.test(u.word) ? [u.word] : [])),
    ),
  ];
  const widenings = await wideningsOf(db, terms);
  return sql`(${sql.join(
    clauses.map(
      (units) =>
        sql`(${sql.join(
          units.map((u) => unitQuery(u, widenings)),
          sql` || `,
        )})`,
    ),
    sql` && `,
  )})`;
}
