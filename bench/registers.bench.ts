import { inlineRunner } from '../src/core/workers/worker-tasks.ts';
import type { Config } from '../src/config.ts';
import { importFile } from '../src/features/registries/registries-import.ts';
import { exportCsv } from '../src/features/registries/registries-io.ts';
import { registryFields } from '../src/features/registries/registries-fields.ts';
import { listEntries } from '../src/features/registries/registries.queries.ts';
import { societalTaskIds } from '../src/features/registries/registries-shared.views.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { organisationId } from '../src/testing/factories.ts';
import { fixed, formatTable } from './lib/table.ts';
import { onEachDatabase } from './lib/databases.ts';

/**
 * Importing a register: 1,000 supplier contracts from CSV in one transaction (every row checked
 * first), the same file again (all updates), and exporting them to CSV. Prints figures only.
 */
const contracts = 1000;
const progress = (message: string) => console.error(`… ${message}`);
const categories = ['sensors-iot', 'data-platform', 'connectivity', 'case-management', 'office-cloud'];

function contractsCsv(): Buffer {
  const header =
    'name,supplier,subject_category,start_date,end_date,notice_months,value_eur,data_owner,reuse_right,exit_clause,return_format,open_standards,escrow,hosting';
  const rows = Array.from({ length: contracts }, (_, i) => {
    const year = 2026 + (i % 6);
    const month = String((i % 12) + 1).padStart(2, '0');
    return [
      `Contract ${i + 1}`,
      `Leverancier ${i % 40}`,
      categories[i % categories.length],
      `${year - 4}-${month}-01`,
      `${year}-${month}-28`,
      String(i % 13),
      String(10000 + i * 250),
      i % 3 === 0 ? 'supplier' : 'municipality',
      i % 2 === 0 ? 'ja' : 'nee',
      i % 4 === 0 ? 'nee' : 'ja',
      i % 5 === 0 ? '' : 'CSV',
      'ja',
      'nee',
      i % 7 === 0 ? 'outside-eu' : 'nl',
    ].join(',');
  });
  return Buffer.from([header, ...rows].join('\r\n'));
}

async function measure(config: Config, label: string) {
  const database = await openAndPrepareDatabase(config);
  try {
    const { db } = database;
    const scope = {
      organisationId: await organisationId(db, 'GM0599'),
      registry: 'contracts' as const,
      actorUserId: null,
    };
    const context = { societalTasks: societalTaskIds(), contractNames: [] };
    const file = contractsCsv();
    const timed = async (what: string, run: () => Promise<unknown>) => {
      progress(`${label}: ${what}`);
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    const first = await timed('import 1,000 new contracts', async () => {
      const outcome = await importFile(db, 'nl', scope, file, context, inlineRunner);
      if (!outcome.ok || outcome.created !== contracts) throw new Error('first import failed');
    });
    const again = await timed('import the same 1,000 (updates)', async () => {
      const outcome = await importFile(db, 'nl', scope, file, context, inlineRunner);
      if (!outcome.ok || outcome.updated !== contracts) throw new Error('second import failed');
    });
    const exported = await timed('export 1,000 to CSV', async () =>
      exportCsv(registryFields.contracts, await listEntries(db, scope.organisationId, 'contracts')),
    );
    return { label, first, again, exported };
  } finally {
    await database.close();
  }
}

const rows = await onEachDatabase('registers', measure);

console.log(
  `\nRegister import of ${contracts} supplier contracts (CSV, one transaction, every row checked first)`,
);
console.log(
  formatTable(
    ['database', 'first import ms', 're-import ms', 'export ms'],
    rows.map((r) => [r.label, fixed(r.first, 0), fixed(r.again, 0), fixed(r.exported, 0)]),
  ),
);
console.log(JSON.stringify({ bench: 'registers', contracts, results: rows }));
