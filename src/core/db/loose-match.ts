import { sql, type SQL } from 'drizzle-orm';
import { typoMinLength, wordsOf } from './dutch-query.ts';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A search over short texts (names, e-mail addresses, descriptions of a case) that forgives what
 * Dutch users type (decision 0021): the text as typed anywhere in a column, or else every word of
 * it in some column, as part of a word ("garage" in "Parkeergarage"), or close to a word by
 * pg_trgm's word similarity (`<%`, at least 0.6), which takes a plural for a singular
 * ("parkeergarages") and one typo in a longer word ("Rotterdm"). The tables searched this way are
 * an organisation's own or short lists, so the columns need no trigram index.
 */
export function looselyMatches(columns: SQL[], q: string): SQL {
  const text = q.trim();
  const anyColumn = (test: (column: SQL) => SQL) =>
    sql`(${sql.join(
      columns.map((column) => test(column)),
      sql` or `,
    )})`;
  const asTyped = anyColumn((column) => sql`${column} ilike ${`%${escapeLike(text)}%`}`);
  const words = wordsOf(text);
  if (words.length === 0) return asTyped;
  const everyWord = sql.join(
    words.map((word) =>
      anyColumn((column) =>
        word.length >= typoMinLength
          ? sql`(${column} ilike ${`%${word}%`} or ${word} <% ${column})`
          : sql`${column} ilike ${`%${word}%`}`,
      ),
    ),
    sql` and `,
  );
  return sql`(${asTyped} or (${everyWord}))`;
}
