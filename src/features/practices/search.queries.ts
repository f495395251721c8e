import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { publishedVisibleTo, type Viewer } from './practices.queries.ts';
import { practices } from './practices.tables.ts';
import { parseSummary, type FacetValue } from './search-parse.ts';
import { widenedTsquery } from './search-words.queries.ts';

export interface SearchFilters {
  q: string;
  pillar?: string | undefined;
  theme?: string | undefined;
  task?: string | undefined;
  /** Organisation code (GM0599). */
  organisation?: string | undefined;
  /** A year the practice ran in. */
  year?: number | undefined;
  page: number;
}

export type Dimension = 'pillar' | 'theme' | 'task' | 'organisation' | 'year';

export interface SearchHit {
  id: number;
  title: string;
  summary: string;
  status: string;
  organisationCode: string;
  organisationName: string;
  pillar: string;
  themes: string[];
  periodStart: number;
  periodEnd: number | null;
  /** Quote with the matches between HIGHLIGHT_START and HIGHLIGHT_STOP; plain text otherwise. */
  fragment: string;
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: Record<Dimension, FacetValue[]>;
}

/**
 * ts_headline marks matches with these control characters: they cannot come from users (the
 * service strips them on save), so the view can escape the fragment first and then turn only
 * these into <mark> elements.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_STOP = '\u0003';
const headlineOptions =
  'StartSel=\u0002, StopSel=\u0003, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "';

export const pageSize = 20;

/** The query as typed, without widening: exact matches rank above widened ones. */
const exactTsquery = (q: string) => sql`websearch_to_tsquery('dutch', ${q})`;

/** Conditions on the matched rows (the CTE `m`), all filters except one dimension's own. */
function filtersOn(f: SearchFilters, except?: Dimension): SQL {
  const list: SQL[] = [sql`true`];
  if (f.pillar && except !== 'pillar') list.push(sql`m.pillar = ${f.pillar}`);
  if (f.theme && except !== 'theme') list.push(sql`m.themes @> array[${f.theme}]::text[]`);
  if (f.task && except !== 'task') list.push(sql`m.tasks @> array[${f.task}]::text[]`);
  if (f.organisation && except !== 'organisation')
    list.push(sql`m.organisation_id = (select o.id from organisations o where o.code = ${f.organisation})`);
  if (f.year !== undefined && except !== 'year')
    list.push(sql`m.period_start <= ${f.year} and m.period_end >= ${f.year}`);
  return sql.join(list, sql` and `);
}

const facetOf = (value: SQL, where: SQL) =>
  sql`(select coalesce(json_agg(json_build_object('value', x.value, 'count', x.n) order by x.value), '[]'::json)
       from (select ${value}::text as value, count(*)::int as n from m where ${where} group by 1) x)`;

/**
 * One statement: the full-text match, visibility and rank are evaluated once per row (the costly
 * part: reading each tsvector), into a materialised set; the total, the five facet counts (each
 * without its own filter) and the page of ids are counted from that set.
 */
async function summaryOf(db: Db, viewer: Viewer, f: SearchFilters, query: SQL | null) {
  const match = f.q === '' ? sql`true` : query ? sql`${practices.search} @@ ${query}` : sql`false`;
  const rank =
    f.q === '' || !query
      ? sql`0::real`
      : sql`ts_rank_cd(${practices.search}, ${exactTsquery(f.q)}) + ts_rank_cd(${practices.search}, ${query}) / 2`;
  // An ongoing practice (no end year) runs until this year.
  const end = sql`coalesce(${practices.periodEnd}, greatest(${practices.periodStart}, extract(year from now())::int))`;
  const all = filtersOn(f);
  const result: unknown = await db.execute(sql`
    with m as materialized (
      select ${practices.id} as id, ${practices.pillar} as pillar, ${practices.themes} as themes,
             ${practices.tasks} as tasks, ${practices.organisationId} as organisation_id,
             ${practices.periodStart} as period_start, ${end} as period_end,
             ${practices.publishedAt} as published_at, ${rank} as rank
      from ${practices}
      where ${publishedVisibleTo(viewer)} and ${match}
    )
    select
      (select count(*)::int from m where ${all}) as total,
      (select coalesce(json_agg(h.id order by h.rank desc, h.published_at desc nulls last, h.id desc), '[]'::json)
         from (select id, rank, published_at from m where ${all}
               order by rank desc, published_at desc nulls last, id desc
               limit ${pageSize} offset ${(f.page - 1) * pageSize}) h) as ids,
      ${facetOf(sql`m.pillar`, filtersOn(f, 'pillar'))} as pillar,
      ${facetOf(sql`unnest(m.themes)`, filtersOn(f, 'theme'))} as theme,
      ${facetOf(sql`unnest(m.tasks)`, filtersOn(f, 'task'))} as task,
      ${facetOf(sql`generate_series(m.period_start, m.period_end)`, filtersOn(f, 'year'))} as year,
      (select coalesce(json_agg(json_build_object('value', x.code, 'label', x.label, 'count', x.n) order by x.label), '[]'::json)
         from (select o.code, o.display_name as label, count(*)::int as n
               from m join organisations o on o.id = m.organisation_id
               where ${filtersOn(f, 'organisation')} group by o.code, o.display_name) x) as organisation
  `);
  return parseSummary(result);
}

/** The page's rows; ts_headline is costly, so only for the page shown, never for every match. */
async function hitsOf(db: Db, ids: number[], query: SQL | null): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  const fragment = !query
    ? sql<string>`${practices.summary}`
    : sql<string>`ts_headline('dutch', ${practices.summary} || ' ' || ${practices.searchText}, ${query}, ${headlineOptions})`;
  const rows = await db
    .select({
      id: practices.id,
      title: practices.title,
      summary: practices.summary,
      status: practices.status,
      organisationCode: organisations.code,
      organisationName: organisations.displayName,
      pillar: practices.pillar,
      themes: practices.themes,
      periodStart: practices.periodStart,
      periodEnd: practices.periodEnd,
      fragment,
    })
    .from(practices)
    .innerJoin(organisations, eq(organisations.id, practices.organisationId))
    .where(inArray(practices.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function searchPractices(db: Db, viewer: Viewer, f: SearchFilters): Promise<SearchResult> {
  const query = f.q === '' ? null : await widenedTsquery(db, f.q);
  const summary = await summaryOf(db, viewer, f, query);
  const hits = await hitsOf(db, summary.ids, query);
  const { pillar, theme, task, organisation, year } = summary;
  return {
    total: summary.total,
    page: f.page,
    pageSize,
    hits,
    facets: { pillar, theme, task, organisation, year: year.reverse() },
  };
}
