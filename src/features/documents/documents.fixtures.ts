import { and, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { organisationId } from '../../testing/factories.ts';
import { createUser } from '../../testing/factories.ts';
import { scans } from '../scan/index.ts';
import { getFramework } from '../framework/index.ts';
import {
  demoFrameworkVersion,
  generatedAnswers,
  seededRandom,
  seedDemoScan,
  seedFor,
} from '../scan/scan.demo.ts';
import { insertScan } from '../benchmark/benchmark.fixtures.ts';

/** For tests: MRDH municipalities (also in Zuid-Holland) whose submitted scans make a shown group. */
export const peers = ['GM0518', 'GM0503', 'GM0606', 'GM0622', 'GM0637', 'GM1783'];

/**
 * A submitted scan of `code` answered through the scan's own services by a new editor, so that its
 * results are computed as on the results page; returns the scan id and the editor.
 */
export async function submittedScan(db: Db, code: string, title = 'Nulmeting 2026') {
  const editor = await createUser(db, { memberOf: { [code]: 'editor' } });
  const framework = getFramework(demoFrameworkVersion);
  const answers = generatedAnswers(framework, seededRandom(seedFor(code)), 2.6);
  await seedDemoScan(db, {
    organisation: code,
    title,
    period: 2026,
    respondents: [{ email: editor.email, answers }],
    consensus: [],
    submit: true,
  });
  const [scan] = await db
    .select({ id: scans.id })
    .from(scans)
    .where(and(eq(scans.organisationId, await organisationId(db, code)), eq(scans.title, title)));
  if (!scan) throw new Error('scan not created');
  return { editor, scanId: scan.id };
}

/** Stored scores of the peers, as submissions leave them, so the benchmark has a group to show. */
export async function peerScans(db: Db): Promise<void> {
  for (const [i, code] of peers.entries()) await insertScan(db, { code, period: 2026, overall: 2 + i * 0.3 });
}
