import type { DataFactory as N3Factory } from 'n3';
import { defineTask } from '../../core/workers/worker-tasks.ts';
import type { EntryRow } from './registries.queries.ts';

/**
 * The organisation's open data sources as a DCAT-AP-NL 3.0 catalogue. One list of triples feeds both
 * serialisations, so the JSON-LD and the Turtle always say the same thing.
 */
export const prefixes = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;

type Term = { iri: string } | { blank: string } | { literal: string; language?: string; datatype?: string };
interface Triple {
  subject: { iri: string } | { blank: string };
  predicate: string;
  object: Term;
}

const euTheme = 'http://publications.europa.eu/resource/authority/data-theme/';
/** Societal task → the EU data theme vocabulary that DCAT-AP uses for dcat:theme. */
const themeOfTask: Record<string, string> = {
  'energy-transition': 'ENER',
  'mobility-transition': 'TRAN',
  'circular-economy': 'ENVI',
  'health-wellbeing': 'HEAL',
  'healthy-urban-living': 'HEAL',
  'safe-living-environment': 'JUST',
  'social-domain': 'SOCI',
  'economic-development': 'ECON',
  'service-delivery': 'GOVE',
  'grid-congestion': 'ENER',
  'climate-adaptation': 'ENVI',
  housing: 'REGI',
  'municipal-operations': 'GOVE',
};

const licenceIri: Record<string, string> = {
  cc0: 'http://creativecommons.org/publicdomain/zero/1.0/',
  'cc-by': 'https://creativecommons.org/licenses/by/4.0/',
  'cc-by-sa': 'https://creativecommons.org/licenses/by-sa/4.0/',
  odbl: 'http://opendatacommons.org/licenses/odbl/1.0/',
};

const publicAccess = 'http://publications.europa.eu/resource/authority/access-right/PUBLIC';

export interface CatalogueInput {
  publicUrl: string;
  organisation: { code: string; name: string };
  title: string;
  description: string;
  sources: EntryRow[];
}

/** Data sources that belong in the public catalogue: open, and not retired. */
export function isPublished(entry: EntryRow): boolean {
  return entry.data.openness === 'open' && entry.data.status !== 'retired';
}

/** Municipalities and provinces have a TOOI identifier from the government's own register. */
function organisationIri(publicUrl: string, code: string): string {
  const lower = code.toLowerCase();
  if (/^gm\d{4}$/.test(lower)) return `https://identifier.overheid.nl/tooi/id/gemeente/${lower}`;
  if (/^pv\d{2}$/.test(lower)) return `https://identifier.overheid.nl/tooi/id/provincie/${lower}`;
  return `${publicUrl}/organisations/${code}`;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const p = (prefix: keyof typeof prefixes, local: string) => `${prefixes[prefix]}${local}`;

function datasetTriples(
  input: CatalogueInput,
  publisher: string,
  catalogue: string,
  entry: EntryRow,
): Triple[] {
  const iri = `${input.publicUrl}/open-data/${input.organisation.code}/datasets/${entry.id}`;
  const subject = { iri };
  const distribution = { iri: `${iri}#distribution` };
  const contact = { blank: `contact${entry.id}` };
  const lit = (literal: string, language?: string): Term => (language ? { literal, language } : { literal });
  const triples: Triple[] = [
    { subject: { iri: catalogue }, predicate: p('dcat', 'dataset'), object: subject },
    { subject, predicate: p('rdf', 'type'), object: { iri: p('dcat', 'Dataset') } },
    { subject, predicate: p('dct', 'identifier'), object: lit(iri) },
    { subject, predicate: p('dct', 'title'), object: lit(entry.name, 'nl') },
    {
      subject,
      predicate: p('dct', 'description'),
      object: lit(text(entry.data.description) || entry.name, 'nl'),
    },
    { subject, predicate: p('dct', 'publisher'), object: { iri: publisher } },
    { subject, predicate: p('dct', 'creator'), object: { iri: publisher } },
    { subject, predicate: p('dct', 'accessRights'), object: { iri: publicAccess } },
    {
      subject,
      predicate: p('dcat', 'theme'),
      object: { iri: `${euTheme}${themeOfTask[text(entry.data.societal_task)] ?? 'GOVE'}` },
    },
    {
      subject,
      predicate: p('dct', 'modified'),
      object: { literal: entry.updatedAt.toISOString().slice(0, 10), datatype: p('xsd', 'date') },
    },
    { subject, predicate: p('dcat', 'contactPoint'), object: contact },
    { subject: contact, predicate: p('rdf', 'type'), object: { iri: p('vcard', 'Kind') } },
    { subject: contact, predicate: p('vcard', 'fn'), object: lit(input.organisation.name) },
    { subject, predicate: p('dcat', 'distribution'), object: distribution },
    { subject: distribution, predicate: p('rdf', 'type'), object: { iri: p('dcat', 'Distribution') } },
  ];
  const email = text(entry.data.contact_email);
  if (email)
    triples.push({ subject: contact, predicate: p('vcard', 'hasEmail'), object: { iri: `mailto:${email}` } });
  const url = text(entry.data.access_url);
  if (url) triples.push({ subject: distribution, predicate: p('dcat', 'accessURL'), object: { iri: url } });
  const licence = licenceIri[text(entry.data.licence)];
  if (licence)
    triples.push({ subject: distribution, predicate: p('dct', 'license'), object: { iri: licence } });
  const standards = Array.isArray(entry.data.standards) ? entry.data.standards : [];
  for (const keyword of standards)
    if (typeof keyword === 'string')
      triples.push({ subject, predicate: p('dcat', 'keyword'), object: lit(keyword, 'nl') });
  return triples;
}

export function catalogueTriples(input: CatalogueInput): Triple[] {
  const catalogue = `${input.publicUrl}/open-data/${input.organisation.code}/catalog`;
  const publisher = organisationIri(input.publicUrl, input.organisation.code);
  const contact = { blank: 'catalogueContact' };
  return [
    { subject: { iri: catalogue }, predicate: p('rdf', 'type'), object: { iri: p('dcat', 'Catalog') } },
    {
      subject: { iri: catalogue },
      predicate: p('dct', 'title'),
      object: { literal: input.title, language: 'nl' },
    },
    {
      subject: { iri: catalogue },
      predicate: p('dct', 'description'),
      object: { literal: input.description, language: 'nl' },
    },
    { subject: { iri: catalogue }, predicate: p('dct', 'publisher'), object: { iri: publisher } },
    { subject: { iri: catalogue }, predicate: p('dcat', 'contactPoint'), object: contact },
    { subject: contact, predicate: p('rdf', 'type'), object: { iri: p('vcard', 'Organization') } },
    { subject: contact, predicate: p('vcard', 'fn'), object: { literal: input.organisation.name } },
    { subject: { iri: publisher }, predicate: p('rdf', 'type'), object: { iri: p('foaf', 'Agent') } },
    {
      subject: { iri: publisher },
      predicate: p('foaf', 'name'),
      object: { literal: input.organisation.name },
    },
    ...input.sources
      .filter(isPublished)
      .flatMap((entry) => datasetTriples(input, publisher, catalogue, entry)),
  ];
}

type Factory = typeof N3Factory;

function n3Term(DataFactory: Factory, term: Term) {
  if ('iri' in term) return DataFactory.namedNode(term.iri);
  if ('blank' in term) return DataFactory.blankNode(term.blank);
  if (term.language) return DataFactory.literal(term.literal, term.language);
  return DataFactory.literal(term.literal, term.datatype ? DataFactory.namedNode(term.datatype) : undefined);
}

function subjectTerm(DataFactory: Factory, subject: Triple['subject']) {
  return 'iri' in subject ? DataFactory.namedNode(subject.iri) : DataFactory.blankNode(subject.blank);
}

/** n3 is loaded on first use: only the worker threads that write a feed need it, not every start. */
export async function toTurtle(triples: Triple[]): Promise<string> {
  const { DataFactory, Writer } = await import('n3');
  const writer = new Writer({ prefixes: { ...prefixes } });
  for (const t of triples)
    writer.addQuad(
      DataFactory.quad(
        subjectTerm(DataFactory, t.subject),
        DataFactory.namedNode(t.predicate),
        n3Term(DataFactory, t.object),
      ),
    );
  return new Promise((resolve, reject) =>
    writer.end((error, result: string) => (error ? reject(error) : resolve(result))),
  );
}

type JsonLdValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };

function jsonLdValue(term: Term): JsonLdValue {
  if ('iri' in term) return { '@id': term.iri };
  if ('blank' in term) return { '@id': `_:${term.blank}` };
  if (term.language) return { '@value': term.literal, '@language': term.language };
  return term.datatype ? { '@value': term.literal, '@type': term.datatype } : { '@value': term.literal };
}

/** JSON-LD with an inline context (no remote context: it can be read offline). */
export function toJsonLd(triples: Triple[]): Record<string, unknown> {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const t of triples) {
    const id = 'iri' in t.subject ? t.subject.iri : `_:${t.subject.blank}`;
    const node = nodes.get(id) ?? { '@id': id };
    nodes.set(id, node);
    if (t.predicate === p('rdf', 'type') && 'iri' in t.object) {
      node['@type'] = [...(Array.isArray(node['@type']) ? node['@type'] : []), t.object.iri];
      continue;
    }
    const existing = node[t.predicate];
    node[t.predicate] = [...(Array.isArray(existing) ? existing : []), jsonLdValue(t.object)];
  }
  return { '@context': { ...prefixes }, '@graph': [...nodes.values()] };
}

/**
 * The catalogue as Turtle or JSON-LD. A thousand data sources take tens of milliseconds
 * (`npm run bench -- feeds`), so the route runs it in the worker pool (decision 0016).
 */
export async function catalogueText(input: CatalogueInput, format: 'turtle' | 'jsonld'): Promise<string> {
  const triples = catalogueTriples(input);
  return format === 'turtle' ? toTurtle(triples) : JSON.stringify(toJsonLd(triples), null, 2);
}

export const catalogueTextTask = defineTask(new URL(import.meta.url), 'catalogueText', catalogueText);
