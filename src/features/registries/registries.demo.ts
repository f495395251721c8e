import { Type, type Static } from '@sinclair/typebox';
import { loadDemoContent, oneOf } from '../../core/content/demo-content.ts';
import type { Db } from '../../core/db/database.ts';
import { organisationByCode, listEntries } from './registries.queries.ts';
import { valueContext } from './registries-context.ts';
import { importEntries } from './registries.service.ts';
import { registryFields } from './registries-fields.ts';
import { addMonths } from './registries-expiry.ts';
import type { EntryData, RegistryKind } from './registries.tables.ts';
import { parseEntry, type Raw } from './registries-values.ts';

const procurementPoints = ['market', 'health', 'public-space', 'socio-economic'] as const;

/** A contract in few words; `contract` spells it out as the import's columns. */
const ContractSketch = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    supplier: Type.String({ minLength: 1 }),
    category: Type.String({ minLength: 1 }),
    /** Months from today to the end date; the contract started four years before it ends. */
    endsInMonths: Type.Integer(),
    notice: Type.Optional(Type.Integer({ minimum: 0 })),
    value: Type.Optional(Type.Integer({ minimum: 0 })),
    owner: Type.String({ minLength: 1 }),
    reuse: Type.Optional(Type.Boolean()),
    exit: Type.Optional(Type.Boolean()),
    format: Type.Optional(Type.String()),
    open: Type.Optional(Type.Boolean()),
    escrow: Type.Optional(Type.Boolean()),
    hosting: Type.String({ minLength: 1 }),
    points: Type.Optional(Type.Array(oneOf(procurementPoints))),
  },
  { additionalProperties: false },
);
type ContractSketch = Static<typeof ContractSketch>;

/** Rows as an import reads them: column name to text. */
const Rows = Type.Array(Type.Record(Type.String(), Type.String()));

const DemoRegistries = Type.Object(
  {
    marketConsultationNote: Type.String({ minLength: 1 }),
    /** Columns every row of the register has unless it says otherwise. */
    defaults: Type.Object(
      {
        'data-sources': Type.Record(Type.String(), Type.String()),
        assessments: Type.Record(Type.String(), Type.String()),
      },
      { additionalProperties: false },
    ),
    organisations: Type.Record(
      Type.String(),
      Type.Object(
        {
          contracts: Type.Optional(Type.Array(ContractSketch)),
          'data-sources': Type.Optional(Rows),
          assessments: Type.Optional(Rows),
          partnerships: Type.Optional(Rows),
          algorithms: Type.Optional(Rows),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
type DemoRegistries = Static<typeof DemoRegistries>;

const yes = (b: boolean | undefined) => (b ? 'ja' : 'nee');

function contract(today: string, c: ContractSketch, marketNote: string): Raw {
  const points = new Set(c.points ?? []);
  return {
    name: c.name,
    supplier: c.supplier,
    subject_category: c.category,
    start_date: addMonths(today, c.endsInMonths - 48),
    end_date: addMonths(today, c.endsInMonths),
    notice_months: String(c.notice ?? 6),
    value_eur: String(c.value ?? 250000),
    data_owner: c.owner,
    reuse_right: yes(c.reuse),
    exit_clause: yes(c.exit),
    return_format: c.format ?? '',
    open_standards: yes(c.open),
    escrow: yes(c.escrow),
    hosting: c.hosting,
    procurement_market: yes(points.has('market')),
    procurement_market_note: points.has('market') ? marketNote : '',
    procurement_health: yes(points.has('health')),
    'procurement_public-space': yes(points.has('public-space')),
    'procurement_socio-economic': yes(points.has('socio-economic')),
  };
}

/** One organisation's rows per register, as an import would read them on `today`. */
function rowsOf(content: DemoRegistries, code: string, today: string): Partial<Record<RegistryKind, Raw[]>> {
  const registers = content.organisations[code] ?? {};
  const { defaults } = content;
  return {
    contracts: (registers.contracts ?? []).map((c) => contract(today, c, content.marketConsultationNote)),
    'data-sources': (registers['data-sources'] ?? []).map((row) => ({ ...defaults['data-sources'], ...row })),
    assessments: (registers.assessments ?? []).map((row) => ({ ...defaults.assessments, ...row })),
    partnerships: registers.partnerships ?? [],
    algorithms: registers.algorithms ?? [],
  };
}

/**
 * Demo registers: Rotterdam full (with three algorithms), Delft, Den Haag, Leiden, Gouda and the province some, Zoetermeer
 * empty. End dates are relative to today, so the expiry view and the procurement opportunities always
 * have something to show. Rows go through the same checks as an import. A register that already has
 * entries is left alone (idempotent).
 */
export async function seedDemoRegistries(db: Db, today = new Date().toISOString().slice(0, 10)) {
  const content = loadDemoContent('registers', DemoRegistries);
  let created = 0;
  for (const code of Object.keys(content.organisations)) {
    const registers = rowsOf(content, code, today);
    const organisation = await organisationByCode(db, code);
    if (!organisation) throw new Error(`Demo registers: no organisation ${code}`);
    // Contracts and assessments first: data sources refer to them by name; algorithms to all three.
    for (const registry of [
      'contracts',
      'assessments',
      'data-sources',
      'partnerships',
      'algorithms',
    ] as const) {
      const rows = registers[registry] ?? [];
      if (rows.length === 0 || (await listEntries(db, organisation.id, registry)).length > 0) continue;
      const parsed = await checked(db, organisation.id, registry, rows);
      created += (
        await importEntries(
          db,
          { organisationId: organisation.id, registry: registry, actorUserId: null },
          parsed,
        )
      ).created;
    }
  }
  return { created };
}

async function checked(db: Db, organisationId: number, registry: RegistryKind, rows: Raw[]) {
  const context = await valueContext(db, organisationId);
  return rows.map((raw): { name: string; data: EntryData } => {
    const parsed = parseEntry('nl', registry, registryFields[registry], raw, context);
    if (!parsed.ok)
      throw new Error(`Demo registers: ${raw.name}: ${Object.values(parsed.errors).join('; ')}`);
    return { name: parsed.name, data: parsed.data };
  });
}

export { addMonths };
