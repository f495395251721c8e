import { Type, type Static } from '@sinclair/typebox';
import { loadDemoContent, oneOf } from '../../core/content/demo-content.ts';
import type { PracticeInput } from './practices.service.ts';
import { practiceStatuses } from './practices.tables.ts';

/** A demo practice: the practice's own fields (PracticeInput) with who wrote it and its state. */
const DemoPractice = Type.Object(
  {
    organisation: Type.String({ minLength: 1 }),
    authorEmail: Type.String({ minLength: 3 }),
    /** Shown as contact person (the demo gives this person's consent). */
    contactEmail: Type.Optional(Type.String({ minLength: 3 })),
    status: oneOf(practiceStatuses),
    title: Type.String({ minLength: 1 }),
    summary: Type.String(),
    body: Type.String(),
    pillar: Type.String({ minLength: 1 }),
    themes: Type.Array(Type.String()),
    tasks: Type.Array(Type.String()),
    periodStart: Type.Integer(),
    periodEnd: Type.Union([Type.Integer(), Type.Null()]),
    partners: Type.String(),
    results: Type.String(),
    lessons: Type.String(),
    links: Type.Array(
      Type.Object({ label: Type.String(), url: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type DemoPractice = Static<typeof DemoPractice>;

const DemoPractices = Type.Object({ practices: Type.Array(DemoPractice) }, { additionalProperties: false });

/** Demo practices from content/demo/practices.yaml: fictional descriptions of real kinds of work. */
export function loadDemoPractices(): DemoPractice[] {
  return loadDemoContent('practices', DemoPractices).practices;
}

/** The practice's fields as the service takes them. */
export function inputOf(demo: DemoPractice, contactUserId: number | null): PracticeInput {
  const { title, summary, body, pillar, themes, tasks, periodStart, periodEnd } = demo;
  const { partners, results, lessons, links } = demo;
  return {
    title,
    summary,
    body,
    pillar,
    themes,
    tasks,
    periodStart,
    periodEnd,
    partners,
    results,
    lessons,
    links,
    contactUserId,
  };
}
