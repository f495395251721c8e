import type { Db } from '../../core/db/database.ts';
import { organisationByCode, listEntries, contractNames } from './registries.queries.ts';
import { importEntries } from './registries.service.ts';
import { registryFields } from './registries-fields.ts';
import { addMonths } from './registries-expiry.ts';
import type { EntryData, RegistryKind } from './registries.tables.ts';
import { parseEntry, type Raw } from './registries-values.ts';
import { societalTaskIds } from './registries-shared.views.ts';
import { demoRegistries } from './registries-content.demo.ts';

/**
 * Demo registers: Rotterdam full, Delft, Den Haag, Leiden, Gouda and the province some, Zoetermeer
 * empty. End dates are relative to today, so the expiry view and the procurement opportunities always
 * have something to show. Rows go through the same checks as an import. A register that already has
 * entries is left alone (idempotent).
 */
export async function seedDemoRegistries(db: Db, today = new Date().toISOString().slice(0, 10)) {
  let created = 0;
  for (const [code, registers] of Object.entries(demoRegistries(today))) {
    const organisation = await organisationByCode(db, code);
    if (!organisation) throw new Error(`Demo registers: no organisation ${code}`);
    // Contracts first: data sources refer to them by name.
    for (const register of ['contracts', 'data-sources', 'assessments', 'partnerships'] as const) {
      const rows = registers[register] ?? [];
      if (rows.length === 0 || (await listEntries(db, organisation.id, register)).length > 0) continue;
      const parsed = await checked(db, organisation.id, register, rows);
      created += (
        await importEntries(db, { organisationId: organisation.id, register, actorUserId: null }, parsed)
      ).created;
    }
  }
  return { created };
}

async function checked(db: Db, organisationId: number, register: RegistryKind, rows: Raw[]) {
  const context = {
    societalTasks: societalTaskIds(),
    contractNames: await contractNames(db, organisationId),
  };
  return rows.map((raw): { name: string; data: EntryData } => {
    const parsed = parseEntry('nl', register, registryFields[register], raw, context);
    if (!parsed.ok)
      throw new Error(`Demo registers: ${raw.name}: ${Object.values(parsed.errors).join('; ')}`);
    return { name: parsed.name, data: parsed.data };
  });
}

export { addMonths };
