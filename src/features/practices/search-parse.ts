/** One value of a search facet with the number of practices that have it. */
export interface FacetValue {
  value: string;
  label?: string;
  count: number;
}

/** Reads the one row of the search summary; both database drivers return `{ rows }` with parsed JSON. */
export function parseSummary(result: unknown) {
  const rows = isRecord(result) && Array.isArray(result.rows) ? (result.rows as unknown[]) : [];
  const row = rows[0];
  if (!isRecord(row)) throw new Error('search summary without a row');
  return {
    total: Number(row.total),
    ids: asArray(row.ids).map(Number),
    pillar: facetValues(row.pillar),
    theme: facetValues(row.theme),
    task: facetValues(row.task),
    organisation: facetValues(row.organisation),
    year: facetValues(row.year),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** node-postgres parses json columns; a driver that hands back text is parsed here. */
function asArray(value: unknown): unknown[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed : [];
}

function facetValues(value: unknown): FacetValue[] {
  return asArray(value).flatMap((item) => {
    if (!isRecord(item)) return [];
    const facet: FacetValue = { value: String(item.value), count: Number(item.count) };
    if (typeof item.label === 'string') facet.label = item.label;
    return [facet];
  });
}
