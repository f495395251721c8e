import { eq } from 'drizzle-orm';
import type { Db } from '../../src/core/db/database.ts';
import { organisations } from '../../src/core/db/core.tables.ts';
import { getFramework, latestFrameworkVersion } from '../../src/features/framework/index.ts';
import { practices, type PracticeStatus } from '../../src/features/practices/practices.tables.ts';
import { createUser } from '../../src/testing/factories.ts';

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const subjects = [
  'De gemeente',
  'Onze gemeenten',
  'Het projectteam',
  'De provincie',
  'Een werkgroep',
  'De regio',
];
const verbs = ['plaatste', 'ontwikkelde', 'kocht in', 'onderzocht', 'verbeterde', 'deelde', 'evalueerde'];
const objects = [
  'sensoren in de openbare ruimte',
  'glasvezel in het buitengebied',
  'open datasets over de binnenstad',
  'algoritmen in het sociaal domein',
  'slimme parkeerplaatsen',
  'laadpalen voor elektrische auto’s',
  'een warmtenet met bewoners',
  'digitale dienstverlening aan inwoners',
  'inkoopvoorwaarden voor data-eigendom',
  'een normenkader voor ethiek',
  'een DPIA voor camerabeelden',
  '5G-antennes op daken',
  'een dataplatform met partners',
  'wijkteams met betere informatie',
];
const places = [
  'in de wijk',
  'met de hogeschool',
  'samen met ondernemers',
  'voor de hele regio',
  'met de netbeheerder',
];
const sentence = () => `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(places)}.`;
const paragraph = (n: number) => Array.from({ length: n }, sentence).join(' ');

/** Generated Dutch practices in every state, spread over Zuid-Holland's municipalities; deterministic. */
export async function seedPractices(db: Db, total: number, progress: (m: string) => void): Promise<void> {
  const framework = getFramework(latestFrameworkVersion());
  const zh = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.provinceCode, 'PV28'));
  const author = await createUser(db, { memberOf: { GM0599: 'editor' } });
  const statuses: PracticeStatus[] = [
    'public',
    'public',
    'public',
    'public',
    'public',
    'public',
    'network',
    'network',
    'draft',
    'withdrawn',
  ];
  for (let done = 0; done < total; done += 500) {
    const batch = Array.from({ length: Math.min(500, total - done) }, () => {
      const theme = pick(framework.themes);
      const start = 2018 + Math.floor(random() * 8);
      const status = pick(statuses);
      return {
        organisationId: pick(zh).id,
        status,
        title: `${pick(objects)} ${pick(places)}`.replace(/^./, (c) => c.toUpperCase()),
        summary: paragraph(2),
        body: paragraph(8),
        searchText: paragraph(12),
        pillar: theme.pillar,
        themes: [theme.id],
        tasks: [pick(framework.societalTasks).id],
        periodStart: start,
        periodEnd: random() < 0.3 ? null : start + Math.floor(random() * 3),
        results: paragraph(2),
        lessons: paragraph(2),
        authorUserId: author.id,
        publishedAt: status === 'draft' ? null : new Date(Date.UTC(start, 0, 1 + Math.floor(random() * 300))),
      };
    });
    await db.insert(practices).values(batch);
    progress(`${done + batch.length} practices`);
  }
}
