import type { Db } from '../../core/db/database.ts';
import { formValue, formValues } from '../../core/http/forms.ts';
import { registryFields } from './registries-fields.ts';
import { contractNames, entryNames } from './registries.queries.ts';
import { societalTaskIds } from './registries-shared.views.ts';
import type { RegistryKind } from './registries.tables.ts';
import type { Raw, ValueContext } from './registries-values.ts';

/** What a select of this organisation may hold: the framework's tasks and its own contracts. */
export async function valueContext(db: Db, organisationId: number): Promise<ValueContext> {
  return {
    societalTasks: societalTaskIds(),
    contractNames: await contractNames(db, organisationId),
    assessmentNames: await entryNames(db, organisationId, 'assessments'),
    dataSourceNames: await entryNames(db, organisationId, 'data-sources'),
  };
}

export function rawFromBody(registry: RegistryKind, body: unknown): Raw {
  // A checkbox group posts one value per ticked box; the checks read them one a line.
  const many = (kind: string) => kind === 'choices' || kind === 'entries';
  return Object.fromEntries(
    registryFields[registry].map((f) => [
      f.key,
      many(f.kind) ? formValues(body, f.key).join('\n') : formValue(body, f.key),
    ]),
  );
}
