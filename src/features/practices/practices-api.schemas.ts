import { Type, type Static } from '@sinclair/typebox';
import { pageOf } from '../../core/http/api-resources.ts';
import { mediaTypes } from '../../core/http/content-types.ts';
import type { PracticeFormValues } from './practices-form.ts';
import type { PracticeDetail } from './practices.queries.ts';
import { practiceStatuses } from './practices.tables.ts';

/** The practices API's schemas, and the body as the form's typed values. */

/** The media types an attachment can have: detected from its content when it was uploaded. */
export const attachmentMediaTypes = [
  mediaTypes.pdf,
  mediaTypes.png,
  mediaTypes.jpeg,
  mediaTypes.gif,
  mediaTypes.webp,
];

const Link = Type.Object(
  {
    label: Type.String({
      maxLength: 200,
      pattern: '^[^|\\r\\n]*$',
      description: 'Without a | or a line break',
    }),
    url: Type.String({ maxLength: 2000, format: 'uri', description: 'http or https' }),
  },
  { additionalProperties: false },
);

const common = {
  title: Type.String({ maxLength: 200 }),
  summary: Type.String({ maxLength: 1000 }),
  body: Type.String({ maxLength: 20_000, description: 'Markdown' }),
  pillar: Type.String({ maxLength: 50, description: 'Pillar id of the framework' }),
  themes: Type.Array(Type.String({ maxLength: 100 }), {
    maxItems: 50,
    description: 'Theme ids of the framework, of the pillar; at least one',
  }),
  tasks: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50, description: 'Societal task ids' }),
  periodStart: Type.Integer({ description: 'Year' }),
  // `nullable`, not a union with null: the body's coercion would read null as 0, or 0 as null.
  periodEnd: Type.Unsafe<number | null>({
    type: 'integer',
    nullable: true,
    description: 'Year; null while it runs',
  }),
  partners: Type.String({ maxLength: 2000 }),
  results: Type.String({ maxLength: 5000 }),
  lessons: Type.String({ maxLength: 5000 }),
};

export const Practice = Type.Object(
  {
    id: Type.Integer(),
    version: Type.Integer({ description: 'Goes up on every change; the ETag is "v" and this number' }),
    status: Type.String({
      enum: [...practiceStatuses],
      description: 'draft, shared with the network, public, or withdrawn',
    }),
    ...common,
    links: Type.Array(Link),
    contact: Type.Union(
      [
        Type.Object({ id: Type.Integer(), name: Type.String(), email: Type.String({ format: 'email' }) }),
        Type.Null(),
      ],
      { description: 'The contact person, while they consent to be shown and are a member' },
    ),
    attachments: Type.Array(
      Type.Object({
        id: Type.Integer(),
        fileName: Type.String(),
        mediaType: Type.String({ enum: attachmentMediaTypes }),
        sizeBytes: Type.Integer(),
        file: Type.String({ format: 'uri-reference', description: 'Where the file is downloaded' }),
      }),
    ),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Practice' },
);

export const PracticeSummary = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    status: Type.String({ enum: [...practiceStatuses] }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'PracticeSummary' },
);
export const PracticePage = pageOf(Type.Ref(PracticeSummary), 'PracticePage');

export const PracticeInput = Type.Object(
  {
    ...common,
    body: Type.Optional(common.body),
    tasks: Type.Optional(common.tasks),
    periodEnd: Type.Optional(common.periodEnd),
    partners: Type.Optional(common.partners),
    results: Type.Optional(common.results),
    lessons: Type.Optional(common.lessons),
    links: Type.Optional(Type.Array(Link, { maxItems: 20 })),
    contactUserId: Type.Optional(
      Type.Unsafe<number | null>({
        type: 'integer',
        minimum: 1,
        nullable: true,
        description: 'A member of the organisation who agreed to be shown as contact person',
      }),
    ),
  },
  { $id: 'PracticeInput', additionalProperties: false },
);
export type PracticeInputBody = Static<typeof PracticeInput>;

export const OrgParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', example: 'GM0599' }),
});
export const PracticeParams = Type.Object({
  ...OrgParams.properties,
  practiceId: Type.Integer({ minimum: 1 }),
});
export const AttachmentParams = Type.Object({
  ...PracticeParams.properties,
  attachmentId: Type.Integer({ minimum: 1 }),
});

/** The form's field names as the API names them. */
export const apiFieldNames: Record<string, string> = { contact: 'contactUserId' };

/** The body as the form's typed values, so that the form's own checks read it. */
export function formValuesFromBody(body: PracticeInputBody): PracticeFormValues {
  return {
    title: body.title.trim(),
    summary: body.summary.trim(),
    body: body.body ?? '',
    pillar: body.pillar,
    themes: body.themes,
    tasks: body.tasks ?? [],
    periodStart: String(body.periodStart),
    periodEnd: body.periodEnd === undefined || body.periodEnd === null ? '' : String(body.periodEnd),
    partners: body.partners ?? '',
    results: body.results ?? '',
    lessons: body.lessons ?? '',
    contact:
      body.contactUserId === undefined || body.contactUserId === null ? '' : String(body.contactUserId),
    links: (body.links ?? []).map((l) => `${l.label.trim() || l.url} | ${l.url}`).join('\n'),
    version: '',
  };
}

export function practiceJson(p: PracticeDetail, code: string) {
  return {
    id: p.id,
    version: p.version,
    status: p.status,
    title: p.title,
    summary: p.summary,
    body: p.body,
    pillar: p.pillar,
    themes: p.themes,
    tasks: p.tasks,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    partners: p.partners,
    results: p.results,
    lessons: p.lessons,
    links: p.links,
    contact: p.contact,
    attachments: p.attachments.map((a) => ({
      id: a.id,
      fileName: a.filename,
      mediaType: a.mime,
      sizeBytes: a.size,
      file: `/api/v1/organisations/${code}/practices/${p.id}/attachments/${a.id}`,
    })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
