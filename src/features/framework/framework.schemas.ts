import { Type, type Static } from '@sinclair/typebox';

/** Every text of the framework exists in Dutch (the original) and English. */
export const Text = Type.Object(
  { nl: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
export type Text = Static<typeof Text>;

const Id = Type.String({ pattern: '^[a-z0-9]+(?:[.-][a-z0-9]+)*$', maxLength: 80 });

export const pillarIds = ['strategy', 'foundation', 'preconditions', 'ecosystem'] as const;
export const PillarId = Type.Union(pillarIds.map((id) => Type.Literal(id)));
export type PillarId = Static<typeof PillarId>;

export const Level = Type.Object(
  { level: Type.Integer({ minimum: 1, maximum: 5 }), label: Text, description: Text },
  { additionalProperties: false },
);

export const Pillar = Type.Object(
  { id: PillarId, number: Type.Integer({ minimum: 1, maximum: 4 }), title: Text, description: Text },
  { additionalProperties: false },
);

/** How much a societal challenge needs a theme: 3 = essential, 2 = important, 1 = helpful. */
export const NeedWeight = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);
export type NeedWeight = Static<typeof NeedWeight>;

export const SocietalTask = Type.Object(
  {
    id: Id,
    title: Text,
    /**
     * The themes that matter most for this task, weighted. Absent (2026.1): derived from the themes
     * whose recommended actions are tagged with the task (`taskNeeds` in task-needs.ts).
     */
    needs: Type.Optional(
      Type.Array(Type.Object({ theme: Id, weight: NeedWeight }, { additionalProperties: false }), {
        minItems: 1,
      }),
    ),
    /**
     * A task every digital action could claim (service delivery): a link only to generic tasks counts
     * as no link for the technology-push warning. Absent everywhere (2026.1): `service-delivery` is.
     */
    generic: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const sourceKinds = ['handreiking', 'aanvulling'] as const;

/**
 * Where a question comes from: an element of the handreiking, or an addition (aanvulling) from a
 * named national or European source, with its publisher and a link. 2026.1 predates the kind.
 */
export const Source = Type.Object(
  {
    id: Id,
    kind: Type.Optional(Type.Union(sourceKinds.map((kind) => Type.Literal(kind)))),
    title: Text,
    publisher: Type.Optional(Type.String({ minLength: 1 })),
    url: Type.Optional(Type.String({ pattern: '^https://[^\\s]+$' })),
  },
  { additionalProperties: false },
);

export const Question = Type.Object(
  {
    id: Id,
    source: Id,
    text: Text,
    why: Text,
    levels: Type.Array(Text, { minItems: 5, maxItems: 5 }),
  },
  { additionalProperties: false },
);

export const Action = Type.Object(
  {
    id: Id,
    title: Text,
    description: Text,
    tasks: Type.Array(Id, { minItems: 1 }),
    /** Network codes ('mrdh'): only members of one of them see this advice. Absent: everyone does. */
    networks: Type.Optional(Type.Array(Id, { minItems: 1 })),
  },
  { additionalProperties: false },
);

export const Theme = Type.Object(
  {
    id: Id,
    pillar: PillarId,
    title: Text,
    description: Text,
    questions: Type.Array(Question, { minItems: 1 }),
    /** Recommended next steps by current level ("1" … "4"): what moves a municipality up a level. */
    actions: Type.Record(Type.String({ pattern: '^[1-4]$' }), Type.Array(Action, { minItems: 1 })),
  },
  { additionalProperties: false },
);

export const FrameworkFile = Type.Object(
  {
    id: Id,
    version: Type.String({ pattern: '^\\d{4}\\.\\d+$' }),
    title: Text,
    description: Text,
    levels: Type.Array(Level, { minItems: 5, maxItems: 5 }),
    pillars: Type.Array(Pillar, { minItems: 4, maxItems: 4 }),
    societalTasks: Type.Array(SocietalTask, { minItems: 1 }),
    sources: Type.Array(Source, { minItems: 1 }),
    themes: Type.Array(Id, { minItems: 1 }),
  },
  { additionalProperties: false },
);

/**
 * How the questions of the previous version continue in a new one (mapping-from-<previous>.yaml):
 * same and reworded carry an answer over; split, merged and removed do not.
 */
export const mappingKinds = ['same', 'reworded', 'split', 'merged', 'removed'] as const;
export type MappingKind = (typeof mappingKinds)[number];

export const QuestionMapping = Type.Object(
  {
    kind: Type.Union(mappingKinds.map((kind) => Type.Literal(kind))),
    to: Type.Optional(Type.Array(Id, { minItems: 1 })),
    note: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export const MappingFile = Type.Object(
  {
    from: Type.String({ pattern: '^\\d{4}\\.\\d+$' }),
    questions: Type.Record(Id, QuestionMapping),
    new: Type.Array(Id),
  },
  { additionalProperties: false },
);
export type MappingFile = Static<typeof MappingFile>;

export type Question = Static<typeof Question>;
export type Action = Static<typeof Action>;
export type Theme = Static<typeof Theme>;
export type Pillar = Static<typeof Pillar>;
export type Source = Static<typeof Source>;
export type SocietalTask = Static<typeof SocietalTask>;
export type FrameworkFile = Static<typeof FrameworkFile>;

/** A whole framework version, loaded and checked: the file plus its themes in display order. */
export interface Framework extends Omit<FrameworkFile, 'themes'> {
  themes: Theme[];
  /** How the previous version's questions continue in this one (mapping-from-<previous>.yaml). */
  mapping?: MappingFile;
  /** sha256 over the version's files: a published version must never change. */
  hash: string;
}
