/**
 * How the product reads what a user types into a search box (decision 0021), shared by the
 * practices' full-text search and the searches over names. Pure functions: the database does the
 * stemming and the trigram look-ups.
 */

/** One part of a query: a word to widen, an exact phrase in quotes, or a word to leave out. */
export type QueryUnit =
  { kind: 'word'; word: string } | { kind: 'phrase'; text: string } | { kind: 'not'; word: string };

/** A query as web search engines read it: clauses that must all hold, each one of some units. */
export type ParsedQuery = QueryUnit[][];

/** More words than this are ignored: no one types them, and each costs a look-up. */
const maxWords = 8;

/** The words of a text as the search compares them: lower case, letters and digits. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 2);
}

/**
 * Reads `parkeer "open data" -drone fiets or step`: words must all match, `"…"` is a phrase, `-`
 * leaves a word out and `or` between two parts lets either match (as `websearch_to_tsquery`).
 */
export function parseQuery(q: string): ParsedQuery {
  const clauses: ParsedQuery = [];
  let joinNext = false;
  let count = 0;
  for (const match of q.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    if (count >= maxWords) break;
    const [, minus, phrase, token] = match;
    if (token !== undefined && token.toLowerCase() === 'or') {
      joinNext = clauses.length > 0;
      continue;
    }
    const units = unitsOf(minus === '-' || token?.startsWith('-') === true, phrase, token);
    if (units.length === 0) continue;
    count += units.length;
    const last = clauses.at(-1);
    const negated = units.some((u) => u.kind === 'not');
    if (joinNext && last && !negated && units.length === 1) last.push(...units);
    else for (const unit of units) clauses.push([unit]);
    joinNext = false;
  }
  return clauses;
}

function unitsOf(isNegated: boolean, phrase: string | undefined, token: string | undefined): QueryUnit[] {
  if (phrase !== undefined) {
    const text = wordsOf(phrase).join(' ');
    if (text === '') return [];
    return isNegated ? wordsOf(phrase).map((word) => ({ kind: 'not', word })) : [{ kind: 'phrase', text }];
  }
  return wordsOf(token ?? '').map((word) => (isNegated ? { kind: 'not', word } : { kind: 'word', word }));
}

/**
 * Whether two words are at most one typo apart: one letter added, left out, changed, or two
 * neighbours swapped (the optimal string alignment distance is at most 1).
 */
export function isOneTypoApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}

/**
 * Typos are tolerated from this length: shorter words are one letter from too many others
 * ("wonen" and "tonen", "telen" and "tellen").
 */
export const typoMinLength = 6;
