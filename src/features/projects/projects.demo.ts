import { Type } from '@sinclair/typebox';
import { and, eq, inArray } from 'drizzle-orm';
import { loadDemoContent, oneOf } from '../../core/content/demo-content.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { getActiveStrategy } from '../strategy/index.ts';
import { createProject, importActions } from './projects.service.ts';
import { knowledgeProjects, projectStatuses } from './projects.tables.ts';

/**
 * Projects for the map. The owners' sharing choices come from the benchmark demo: most share by
 * name, Gouda (GM0513) does not share, and Dordrecht (GM0505) keeps the default (aggregated), so
 * the map shows every state: named on the map, counted in the regional total only, and hidden.
 */
const DemoProjects = Type.Object(
  {
    projects: Type.Array(
      Type.Object(
        {
          owner: Type.String({ minLength: 1 }),
          title: Type.String({ minLength: 1 }),
          municipalities: Type.Array(Type.String({ minLength: 1 })),
          theme: Type.String({ minLength: 1 }),
          task: Type.String({ minLength: 1 }),
          status: oneOf(projectStatuses),
          partners: Type.String(),
          link: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

async function idsByCode(db: Db, codes: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(inArray(organisations.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Demo projects for Zuid-Holland, and Rotterdam's first two strategy actions taken over. Idempotent by title. */
export async function seedDemoProjects(db: Db): Promise<{ created: number }> {
  const demoProjects = loadDemoContent('projects', DemoProjects).projects;
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
