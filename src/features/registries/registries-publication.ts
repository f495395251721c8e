import type { EntryRow } from './registries.queries.ts';
import { publicationStandard, type PublicationStandard, type StandardItem } from './registries-standard.ts';
import type { EntryData, FieldValue } from './registries.tables.ts';

/**
 * The Algoritmeregister's upload format (publication standard 1.0): one JSON object per algorithm
 * with the standard's own keys, and an array of them for a set. Our links to other registers are
 * spelled out here: the assessments become `impacttoetsen_grouping`, the data sources
 * `source_data_grouping`, the contract's supplier `provider`.
 */
export type Publication = Record<string, string | string[] | { title: string; link?: string }[]>;

export interface PublicationContext {
  organisationName: string;
  organisationCode: string;
  /** The platform's address, without a trailing slash. */
  publicUrl: string;
  /** The organisation's entries of the registers an algorithm links to. */
  assessments: readonly EntryRow[];
  dataSources: readonly EntryRow[];
  contracts: readonly EntryRow[];
}

/** The titles the standard recommends for the kinds of assessment our register knows. */
const assessmentTitles: Record<string, string> = {
  dpia: 'Data Protection Impact Assessment (DPIA)',
  iama: 'Impact Assessment Mensenrechten en Algoritmes (IAMA)',
  pia: 'Privacy Quickscan',
};

/** The fields copied as they are: ours carry the standard's key. */
const sameKeys = [
  'name',
  'description_short',
  'category',
  'status',
  'begin_date',
  'end_date',
  'contact_email',
  'website',
  'publication_category',
  'url',
  'goal',
  'proportionality',
  'human_intervention',
  'risks',
  'lawful_basis',
  'process_index_url',
  'impacttoetsen',
  'source_data',
  'methods_and_models',
  'publiccode',
] as const;

const namesIn = (value: FieldValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

const text = (data: EntryData, key: string): string | undefined => {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

function byName(entries: readonly EntryRow[], names: string[]): EntryRow[] {
  return names.flatMap((name) => entries.filter((e) => e.name === name));
}

/** Only a finished assessment is published: the register says which assessment *was* used. */
function impactAssessments(data: EntryData, context: PublicationContext) {
  return byName(context.assessments, namesIn(data.impact_assessments))
    .filter((a) => a.data.status === 'done' && typeof a.data.assessment === 'string')
    .flatMap((a) => {
      const title = assessmentTitles[String(a.data.assessment)];
      return title ? [{ title }] : [];
    });
}

/** A source's own address; an open one without it is in the open-data catalogue; else its page here. */
function sourceLink(source: EntryRow, context: PublicationContext): string {
  const own = text(source.data, 'access_url');
  if (own) return own;
  const code = encodeURIComponent(context.organisationCode);
  if (source.data.openness === 'open') return `${context.publicUrl}/open-data/${code}/catalog.jsonld`;
  return `${context.publicUrl}/o/${code}/registers/data-sources/${source.id}`;
}

export function publicationOf(entry: EntryRow, context: PublicationContext): Publication {
  const data = entry.data;
  const out: Publication = {};
  for (const key of sameKeys) {
    const value = data[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
    if (Array.isArray(value) && value.length > 0) out[key] = namesIn(value);
  }
  out.organization = context.organisationName.slice(0, 100);
  const lawful = Array.isArray(data.lawful_basis_links) ? data.lawful_basis_links : [];
  const links = lawful.flatMap((l) => (typeof l !== 'string' && 'link' in l ? [l] : []));
  if (links.length > 0) out.lawful_basis_grouping = links.map((l) => ({ title: l.title, link: l.link }));
  const assessments = impactAssessments(data, context);
  if (assessments.length > 0) out.impacttoetsen_grouping = assessments;
  out.source_data_grouping = byName(context.dataSources, namesIn(data.source_data_sources)).map((s) => ({
    title: s.name,
    link: sourceLink(s, context),
  }));
  const contract = context.contracts.find((c) => c.name === data.provider_contract);
  const supplier = contract ? text(contract.data, 'supplier') : undefined;
  if (supplier) out.provider = supplier;
  out.source_id = `${context.organisationCode}-${entry.id}`;
  out.lang = 'nld';
  out.standard_version = '1.0';
  return out;
}

type JsonSchema = Record<string, unknown>;

function itemSchema(item: StandardItem): JsonSchema {
  const max = item.max_length === undefined ? {} : { maxLength: item.max_length };
  if (item.type === 'enum') return { type: 'string', enum: item.permitted_values ?? [] };
  if (item.type === 'array' && item.permitted_values)
    return { type: 'array', items: { type: 'string', enum: item.permitted_values } };
  return { type: 'string', ...max };
}

/**
 * A JSON Schema derived from the standard's field configuration (which is not itself a schema):
 * types, required fields (a required grouping needs at least one item), maximum lengths, permitted
 * values, and no keys the standard does not know.
 */
export function publicationSchema(standard: PublicationStandard = publicationStandard): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(standard.properties)) {
    if (field.required) required.push(key);
    if (!field.items) {
      properties[key] = itemSchema(field);
      continue;
    }
    const items = Object.entries(field.items);
    properties[key] = {
      type: 'array',
      ...(field.required ? { minItems: 1 } : {}),
      items: {
        type: 'object',
        additionalProperties: false,
        required: items.filter(([, item]) => item.required).map(([name]) => name),
        properties: Object.fromEntries(items.map(([name, item]) => [name, itemSchema(item)])),
      },
    };
  }
  return { type: 'object', additionalProperties: false, required, properties };
}
