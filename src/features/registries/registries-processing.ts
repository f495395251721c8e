import type { EntryRow } from './registries.queries.ts';
import type { EntryData } from './registries.tables.ts';

/**
 * The processing register of AVG (GDPR) article 30(1), derived rather than typed twice: each data
 * source that holds personal data is a processing activity; its assessment and its contract add what
 * they know (the security measures checked against the VNG principles, where the data are hosted).
 * What the article asks and no register says is listed as missing, per activity.
 */
export const articleFields = [
  'controller',
  'contact',
  'purposes',
  'data_subjects',
  'personal_data_categories',
  'recipients',
  'transfers',
  'retention',
  'security_measures',
] as const;
export type ArticleField = (typeof articleFields)[number];

/** Where the data go outside the EU, as a fact rather than a sentence: the view words it. */
export type Transfers = { kind: 'none' } | { kind: 'outside-eu'; supplier: string } | null;

export interface ProcessingActivity {
  /** The data source's name and id. */
  name: string;
  sourceId: number;
  controller: string;
  contact: string | null;
  purposes: string | null;
  dataSubjects: string[];
  personalDataCategories: string[];
  recipients: string[];
  transfers: Transfers;
  retention: string | null;
  securityMeasures: string | null;
  assessment: { name: string; kind: string | null; status: string | null } | null;
  missing: ArticleField[];
}

export interface ProcessingInput {
  /** The controller: the organisation's own name. */
  controller: string;
  dataSources: readonly EntryRow[];
  assessments: readonly EntryRow[];
  contracts: readonly EntryRow[];
}

const text = (data: EntryData, key: string): string | null => {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
};
const list = (data: EntryData, key: string): string[] => {
  const value = data[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/** Hosted in the Netherlands or the EU: no transfer; outside it: a transfer; no contract: unknown. */
function transfersOf(source: EntryRow, contracts: readonly EntryRow[]): Transfers {
  const contract = contracts.find((c) => c.name === source.data.contract);
  if (!contract) return null;
  if (contract.data.hosting === 'outside-eu')
    return { kind: 'outside-eu', supplier: text(contract.data, 'supplier') ?? contract.name };
  return contract.data.hosting === 'nl' || contract.data.hosting === 'eu' ? { kind: 'none' } : null;
}

/** The source's own description of its measures, else its assessment's note on security. */
function securityOf(source: EntryRow, assessment: EntryRow | undefined): string | null {
  const own = text(source.data, 'security_measures');
  if (own) return own;
  if (!assessment || assessment.data.vng_security !== true) return null;
  return text(assessment.data, 'vng_security_note');
}

function activityOf(input: ProcessingInput, source: EntryRow): ProcessingActivity {
  const assessment = input.assessments.find((a) => a.name === source.data.privacy_assessment);
  const activity: Omit<ProcessingActivity, 'missing'> = {
    name: source.name,
    sourceId: source.id,
    controller: input.controller,
    contact: text(source.data, 'contact_email'),
    purposes: text(source.data, 'processing_purpose'),
    dataSubjects: list(source.data, 'data_subjects'),
    personalDataCategories: list(source.data, 'personal_data_categories'),
    recipients: list(source.data, 'recipients'),
    transfers: transfersOf(source, input.contracts),
    retention: text(source.data, 'retention'),
    securityMeasures: securityOf(source, assessment),
    assessment: assessment
      ? {
          name: assessment.name,
          kind: text(assessment.data, 'assessment'),
          status: text(assessment.data, 'status'),
        }
      : null,
  };
  const present: Record<ArticleField, boolean> = {
    controller: activity.controller.trim() !== '',
    contact: activity.contact !== null,
    purposes: activity.purposes !== null,
    data_subjects: activity.dataSubjects.length > 0,
    personal_data_categories: activity.personalDataCategories.length > 0,
    recipients: activity.recipients.length > 0,
    transfers: activity.transfers !== null,
    retention: activity.retention !== null,
    security_measures: activity.securityMeasures !== null,
  };
  return { ...activity, missing: articleFields.filter((key) => !present[key]) };
}

/** One activity per data source with personal data, in the sources' order (by name). */
export function processingActivities(input: ProcessingInput): ProcessingActivity[] {
  return input.dataSources
    .filter((source) => source.data.personal_data === true)
    .map((source) => activityOf(input, source));
}
