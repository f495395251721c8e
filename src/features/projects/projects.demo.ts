import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { getActiveStrategy } from '../strategy/index.ts';
import { createProject, importActions } from './projects.service.ts';
import { knowledgeProjects, type ProjectStatus } from './projects.tables.ts';

interface DemoProject {
  owner: string;
  title: string;
  municipalities: string[];
  theme: string;
  task: string;
  status: ProjectStatus;
  partners: string;
  link: string | null;
}

/**
 * Projects for the map. The owners' sharing choices come from the benchmark demo: most share by
 * name, Gouda (GM0513) does not share, and Dordrecht (GM0505) keeps the default (aggregated), so
 * the map shows every state: named on the map, counted in the regional total only, and hidden.
 */
const demoProjects: DemoProject[] = [
  {
    owner: 'GM0599',
    title: 'Slimme verkeerslichten op de Maasboulevard',
    municipalities: ['GM0599'],
    theme: 'infrastructure-and-sensors',
    task: 'mobility-transition',
    status: 'running',
    partners: 'MRDH, TU Delft',
    link: 'https://www.rotterdam.nl/',
  },
  {
    owner: 'GM0599',
    title: 'Digitale tweeling Rijnmond',
    municipalities: ['GM0599', 'GM0606', 'GM0622'],
    theme: 'data-ecosystem',
    task: 'healthy-urban-living',
    status: 'running',
    partners: 'Havenbedrijf Rotterdam',
    link: null,
  },
  {
    owner: 'GM0599',
    title: 'Energiemonitor voor maatschappelijk vastgoed',
    municipalities: ['GM0599'],
    theme: 'open-data',
    task: 'energy-transition',
    status: 'planned',
    partners: '',
    link: null,
  },
  {
    owner: 'GM0518',
    title: 'Sensoren voor luchtkwaliteit in de Binckhorst',
    municipalities: ['GM0518', 'GM0603'],
    theme: 'infrastructure-and-sensors',
    task: 'healthy-urban-living',
    status: 'running',
    partners: 'RIVM',
    link: null,
  },
  {
    owner: 'GM0518',
    title: 'Algoritmeregister Den Haag',
    municipalities: ['GM0518'],
    theme: 'ethics',
    task: 'safe-living-environment',
    status: 'done',
    partners: '',
    link: null,
  },
  {
    owner: 'GM0503',
    title: 'Open data over de Delftse binnenstad',
    municipalities: ['GM0503'],
    theme: 'open-data',
    task: 'mobility-transition',
    status: 'running',
    partners: 'TU Delft',
    link: null,
  },
  {
    owner: 'GM0546',
    title: 'Slim parkeren Leiden Centrum',
    municipalities: ['GM0546'],
    theme: 'services-and-innovation',
    task: 'mobility-transition',
    status: 'planned',
    partners: '',
    link: null,
  },
  {
    owner: 'GM0637',
    title: 'Glasvezel voor bedrijventerreinen',
    municipalities: ['GM0637'],
    theme: 'infrastructure-and-sensors',
    task: 'energy-transition',
    status: 'running',
    partners: 'Provincie Zuid-Holland',
    link: null,
  },
  {
    owner: 'GM1783',
    title: 'Sensoren in de kassen van het Westland',
    municipalities: ['GM1783'],
    theme: 'infrastructure-and-sensors',
    task: 'circular-economy',
    status: 'running',
    partners: 'Glastuinbouw Nederland',
    link: null,
  },
  {
    owner: 'PV28',
    title: 'Regionaal dataplatform mobiliteit',
    municipalities: ['GM0599', 'GM0518', 'GM0503', 'GM0546', 'GM0484'],
    theme: 'data-ecosystem',
    task: 'mobility-transition',
    status: 'running',
    partners: 'MRDH',
    link: null,
  },
  {
    owner: 'GM0505',
    title: 'Digitale dienstverlening Dordrecht',
    municipalities: ['GM0505'],
    theme: 'services-and-innovation',
    task: 'health-wellbeing',
    status: 'running',
    partners: '',
    link: null,
  },
  {
    owner: 'GM0513',
    title: 'Datalab Gouda (niet gedeeld)',
    municipalities: ['GM0513'],
    theme: 'data-ownership',
    task: 'health-wellbeing',
    status: 'planned',
    partners: '',
    link: null,
  },
];

async function idsByCode(db: Db, codes: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(inArray(organisations.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Demo projects for Zuid-Holland, and Rotterdam's first two strategy actions taken over. Idempotent by title. */
export async function seedDemoProjects(db: Db): Promise<{ created: number }> {
  const codes = [...new Set(demoProjects.flatMap((p) => [p.owner, ...p.municipalities]))];
  const ids = await idsByCode(db, codes);
  let created = 0;
  for (const { owner, municipalities, ...fields } of demoProjects) {
    const ownerId = ids.get(owner);
    if (ownerId === undefined) throw new Error(`Demo data: no organisation ${owner}`);
    const [existing] = await db
      .select({ id: knowledgeProjects.id })
      .from(knowledgeProjects)
      .where(and(eq(knowledgeProjects.organisationId, ownerId), eq(knowledgeProjects.title, fields.title)));
    if (existing) continue;
    const municipalityIds = municipalities
      .map((c) => ids.get(c))
      .filter((id): id is number => id !== undefined);
    await createProject(db, ownerId, { ...fields, sourceActionId: null, municipalityIds }, null);
    created += 1;
  }
  const rotterdam = ids.get('GM0599');
  const strategy = rotterdam === undefined ? null : await getActiveStrategy(db, rotterdam);
  if (rotterdam !== undefined && strategy) {
    created += await importActions(db, rotterdam, strategy.actions.slice(0, 2), [rotterdam], null);
  }
  return { created };
}
