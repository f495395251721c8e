import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { organisationId } from '../../testing/factories.ts';
import { getFramework } from '../framework/index.ts';
import { scans, scanScores } from '../scan/index.ts';
import { sharingSettings, type SharingMode } from '../sharing/index.ts';

/** For tests only: the framework version registered in the test template. */
export const fixtureVersion = '2026.1';

export interface ScanFixture {
  code: string;
  period: number;
  /** The overall score; every pillar and theme gets it too, unless `themes` says otherwise. */
  overall: number;
  /** Theme id → score (null: no score, as when every answer was "weet ik niet"). */
  themes?: Record<string, number | null>;
  status?: 'draft' | 'submitted';
}

/** A scan with stored scores, as a submission leaves them (without going through the forms). */
export async function insertScan(db: Db, fixture: ScanFixture): Promise<number> {
  const status = fixture.status ?? 'submitted';
  const [scan] = await db
    .insert(scans)
    .values({
      organisationId: await organisationId(db, fixture.code),
      frameworkVersion: fixtureVersion,
      period: fixture.period,
      title: `Scan ${fixture.period}`,
      status,
      submittedAt: status === 'submitted' ? new Date() : null,
    })
    .returning({ id: scans.id });
  if (!scan) throw new Error('scan not created');
  const framework = getFramework(fixtureVersion);
  const themes = fixture.themes ?? {};
  const themeScore = (id: string) => (id in themes ? (themes[id] ?? null) : fixture.overall);
  const row = (kind: 'theme' | 'pillar' | 'overall', key: string, score: number | null) => ({
    scanId: scan.id,
    kind,
    key,
    score,
    target: 4,
    answered: score === null ? 0 : 3,
    questions: 3,
  });
  await db
    .insert(scanScores)
    .values([
      row('overall', 'all', fixture.overall),
      ...framework.pillars.map((p) => row('pillar', p.id, fixture.overall)),
      ...framework.themes.map((th) => row('theme', th.id, themeScore(th.id))),
    ]);
  return scan.id;
}

export async function setSharing(db: Db, code: string, mode: SharingMode): Promise<void> {
  await db.insert(sharingSettings).values({ organisationId: await organisationId(db, code), mode });
}

export async function setPopulationOf(db: Db, code: string, population: number): Promise<void> {
  await db.update(organisations).set({ population }).where(eq(organisations.code, code));
}
