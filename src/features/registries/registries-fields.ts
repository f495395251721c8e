import type { NumberRule } from '../../core/i18n/dutch-input.ts';
import type { RegistryKind } from './registries.tables.ts';
import { standardItem } from './registries-standard.ts';

/**
 * What each register holds: one list of fields drives the form, the checks, the page, the CSV and
 * XLSX columns and the import. A field's key is also its column name in the import format.
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'boolean'
  | 'date'
  | 'number'
  | 'list'
  | 'url'
  | 'email'
  | 'partners'
  /** Several of the fixed options, as checkboxes. */
  | 'choices'
  /** Several entries of another register (optionSource), by name, as checkboxes. */
  | 'entries'
  /** Title and address pairs, one a line: "Wegenverkeerswet 1994; https://wetten.overheid.nl/…". */
  | 'links'
  /** A month as 2025-03. */
  | 'month';

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  isRequired?: boolean;
  /** Allowed codes of a select field; their labels are messages `option.<key>.<code>`. */
  options?: readonly string[];
  /** Labels come from the framework (societal tasks) rather than this feature's messages. */
  optionSource?: 'societalTasks' | 'contracts' | 'assessments' | 'dataSources';
  /** The longest text accepted; without it 200 for a line and 4,000 for a text area. */
  maxLength?: number;
  /** The longest title and address of a links field. */
  linkLimits?: { title: number; link: number };
  /** A help text shown under the label (the publication standard's own, in Dutch). */
  help?: string;
  /** The publication standard's field this one fills. */
  standardKey?: string;
  /** How a number field is read: decimals and range (see `readNumber`). */
  number?: NumberRule;
  /** Part of a checklist shown as one group: the VNG principles or the procurement points. */
  group?: 'vng' | 'procurement';
}

export const dataSourceKinds = ['sensor-network', 'application', 'platform', 'dataset'] as const;
export const owners = ['municipality', 'supplier', 'partner'] as const;
export const openness = ['open', 'shared', 'closed'] as const;
export const sourceStatuses = ['planned', 'active', 'retired'] as const;
export const licences = ['cc0', 'cc-by', 'cc-by-sa', 'odbl'] as const;

/** A fixed list, so that "contracts with the same kind of subject" is well defined across municipalities. */
export const subjectCategories = [
  'sensors-iot',
  'data-platform',
  'connectivity',
  'case-management',
  'citizen-services',
  'geo-information',
  'parking-mobility',
  'energy-monitoring',
  'office-cloud',
  'security-monitoring',
  'other',
] as const;
export const dataOwners = ['municipality', 'shared', 'supplier', 'unclear'] as const;
export const hostings = ['nl', 'eu', 'outside-eu'] as const;

export const assessmentKinds = ['dpia', 'pia', 'iama', 'none'] as const;
export const assessmentStatuses = ['not-started', 'in-progress', 'done'] as const;
export const riskLevels = ['low', 'medium', 'high'] as const;

/**
 * The areas the handreiking names for the VNG principles for responsible data use and privacy
 * (precondition 5): standardisation, security, privacy, data protection, scalability. These are
 * areas the principles cover, not the VNG's six Principes voor de digitale samenleving (2022); the
 * texts say so and never call them principles.
 */
export const vngPrinciples = [
  'standardisation',
  'security',
  'privacy',
  'data-protection',
  'scalability',
] as const;
/** The four attention points for procuring digital services and equipment (handreiking, pillar 4). */
export const procurementPoints = ['market', 'health', 'public-space', 'socio-economic'] as const;

export const partnershipForms = ['consortium', 'covenant', 'joint-procurement', 'other'] as const;
/** The quadruple helix. */
export const partnerKinds = ['government', 'company', 'knowledge', 'citizens'] as const;

/**
 * The algorithms register's fields, each tied to the publication standard's field it fills, which
 * supplies its maximum length, whether it is required, its permitted values and its help text. Links
 * to other registers replace the standard's groupings: impact assessments come from the assessments
 * register, source data from the data-sources register, the provider from the contracts register.
 */
const algorithmPlan: [string, FieldKind, string, FieldSpec['optionSource']?][] = [
  ['name', 'text', 'name'],
  ['description_short', 'textarea', 'description_short'],
  ['category', 'choices', 'category'],
  ['status', 'select', 'status'],
  ['begin_date', 'month', 'begin_date'],
  ['end_date', 'month', 'end_date'],
  ['publication_category', 'select', 'publication_category'],
  ['goal', 'textarea', 'goal'],
  ['proportionality', 'textarea', 'proportionality'],
  ['human_intervention', 'textarea', 'human_intervention'],
  ['risks', 'textarea', 'risks'],
  ['lawful_basis', 'textarea', 'lawful_basis'],
  ['lawful_basis_links', 'links', 'lawful_basis_grouping'],
  ['process_index_url', 'url', 'process_index_url'],
  ['impact_assessments', 'entries', 'impacttoetsen_grouping', 'assessments'],
  ['impacttoetsen', 'textarea', 'impacttoetsen'],
  ['source_data', 'textarea', 'source_data'],
  ['source_data_sources', 'entries', 'source_data_grouping', 'dataSources'],
  ['methods_and_models', 'textarea', 'methods_and_models'],
  ['provider_contract', 'select', 'provider', 'contracts'],
  ['publiccode', 'url', 'publiccode'],
  ['contact_email', 'email', 'contact_email'],
  ['website', 'url', 'website'],
  ['url', 'url', 'url'],
];

function algorithmField([key, kind, standard, source]: (typeof algorithmPlan)[number]): FieldSpec {
  const spec = standardItem(standard);
  // A grouping's help text is its title item's (what each linked thing is).
  const help = spec.help_text ?? spec.items?.title?.help_text;
  const title = spec.items?.title?.max_length;
  const link = spec.items?.link?.max_length;
  return {
    key,
    kind,
    standardKey: standard,
    ...(spec.required ? { isRequired: true } : {}),
    // A link to our own register's entries is not limited by the standard's text length.
    ...(spec.max_length !== undefined && source === undefined ? { maxLength: spec.max_length } : {}),
    ...(spec.permitted_values ? { options: spec.permitted_values } : {}),
    ...(source ? { optionSource: source } : {}),
    ...(title !== undefined && link !== undefined ? { linkLimits: { title, link } } : {}),
    ...(help ? { help } : {}),
  };
}

/**
 * What article 30(1) of the AVG asks of a processing activity that the rest of a data source does
 * not say; filled in for a source with personal data, they make it an entry of the processing register.
 */
export const processingFields: FieldSpec[] = [
  { key: 'processing_purpose', kind: 'textarea' },
  { key: 'data_subjects', kind: 'list' },
  { key: 'personal_data_categories', kind: 'list' },
  { key: 'recipients', kind: 'list' },
  { key: 'retention', kind: 'text' },
  { key: 'security_measures', kind: 'textarea' },
  { key: 'privacy_assessment', kind: 'select', optionSource: 'assessments' },
];
export const isProcessingField = (key: string) => processingFields.some((f) => f.key === key);

const checklist = (group: 'vng' | 'procurement', items: readonly string[]): FieldSpec[] =>
  items.flatMap((item) => [
    { key: `${group}_${item}`, kind: 'boolean', group },
    { key: `${group}_${item}_note`, kind: 'textarea', group },
  ]);

export const registryFields: Record<RegistryKind, FieldSpec[]> = {
  'data-sources': [
    { key: 'name', kind: 'text', isRequired: true },
    { key: 'description', kind: 'textarea' },
    { key: 'kind', kind: 'select', options: dataSourceKinds, isRequired: true },
    { key: 'societal_task', kind: 'select', optionSource: 'societalTasks' },
    { key: 'theme', kind: 'text' },
    { key: 'owner', kind: 'select', options: owners, isRequired: true },
    { key: 'owner_name', kind: 'text' },
    { key: 'openness', kind: 'select', options: openness, isRequired: true },
    { key: 'personal_data', kind: 'boolean' },
    ...processingFields,
    { key: 'standards', kind: 'list' },
    { key: 'contract', kind: 'select', optionSource: 'contracts' },
    { key: 'reuse_allowed', kind: 'boolean' },
    { key: 'status', kind: 'select', options: sourceStatuses, isRequired: true },
    { key: 'access_url', kind: 'url' },
    { key: 'licence', kind: 'select', options: licences },
    { key: 'contact_email', kind: 'email' },
  ],
  contracts: [
    { key: 'name', kind: 'text', isRequired: true },
    { key: 'supplier', kind: 'text', isRequired: true },
    { key: 'subject_category', kind: 'select', options: subjectCategories, isRequired: true },
    { key: 'start_date', kind: 'date' },
    { key: 'end_date', kind: 'date', isRequired: true },
    { key: 'notice_months', kind: 'number', number: { decimals: 0, min: 0, max: 120 } },
    { key: 'value_eur', kind: 'number', number: { decimals: 2, min: 0, max: 10_000_000_000 } },
    { key: 'data_owner', kind: 'select', options: dataOwners, isRequired: true },
    { key: 'reuse_right', kind: 'boolean' },
    { key: 'exit_clause', kind: 'boolean' },
    { key: 'return_format', kind: 'text' },
    { key: 'open_standards', kind: 'boolean' },
    { key: 'escrow', kind: 'boolean' },
    { key: 'hosting', kind: 'select', options: hostings, isRequired: true },
    ...checklist('procurement', procurementPoints),
  ],
  assessments: [
    { key: 'name', kind: 'text', isRequired: true },
    { key: 'description', kind: 'textarea' },
    { key: 'personal_data', kind: 'boolean' },
    { key: 'assessment', kind: 'select', options: assessmentKinds, isRequired: true },
    { key: 'status', kind: 'select', options: assessmentStatuses, isRequired: true },
    { key: 'done_on', kind: 'date' },
    { key: 'risk_level', kind: 'select', options: riskLevels },
    { key: 'ethics_committee', kind: 'boolean' },
    { key: 'ethics_advice', kind: 'textarea' },
    { key: 'normative_framework', kind: 'text' },
    ...checklist('vng', vngPrinciples),
  ],
  partnerships: [
    { key: 'name', kind: 'text', isRequired: true },
    { key: 'description', kind: 'textarea' },
    { key: 'partners', kind: 'partners', isRequired: true },
    { key: 'form', kind: 'select', options: partnershipForms, isRequired: true },
    { key: 'data_agreements', kind: 'textarea' },
    { key: 'cost_sharing', kind: 'textarea' },
    { key: 'start_date', kind: 'date' },
    { key: 'end_date', kind: 'date' },
    { key: 'actions', kind: 'textarea' },
  ],
  algorithms: algorithmPlan.map(algorithmField),
};

export function isRegisterKind(value: string): value is RegistryKind {
  return value in registryFields;
}
