import { Type } from '@sinclair/typebox';
import { and, eq } from 'drizzle-orm';
import { loadDemoContent } from '../../core/content/demo-content.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { createShareLink, revokeShareLink } from './roadmap-share.ts';
import { roadmapShareLinks } from './roadmap.tables.ts';

const DemoRoadmap = Type.Object(
  {
    organisation: Type.String({ minLength: 1 }),
    links: Type.Array(
      Type.Object(
        { label: Type.String({ minLength: 1 }), revoke: Type.Boolean() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/**
 * Rotterdam's roadmap shared twice: one active link (for its website) and one revoked (so the revoked
 * state can be seen). Call after the strategies are seeded. Idempotent: a link is found by its label.
 */
export async function seedDemoRoadmap(db: Db): Promise<{ links: number }> {
  const content = loadDemoContent('roadmap', DemoRoadmap);
  const [rotterdam] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, content.organisation));
  if (!rotterdam) return { links: 0 };
  let added = 0;
  for (const demo of content.links) {
    const [existing] = await db
      .select({ id: roadmapShareLinks.id })
      .from(roadmapShareLinks)
      .where(
        and(eq(roadmapShareLinks.organisationId, rotterdam.id), eq(roadmapShareLinks.label, demo.label)),
      );
    if (existing) continue;
    const link = await createShareLink(db, {
      organisationId: rotterdam.id,
      actorUserId: null,
      label: demo.label,
    });
    if (demo.revoke)
      await revokeShareLink(db, { organisationId: rotterdam.id, linkId: link.id, actorUserId: null });
    added++;
  }
  return { links: added };
}
