import { Type, type Static } from '@sinclair/typebox';

export const OrganisationKindSchema = Type.Union(
  [Type.Literal('municipality'), Type.Literal('province'), Type.Literal('region')],
  { description: 'municipality (gemeente), province (provincie) or region (such as MRDH)' },
);

export const Organisation = Type.Object(
  {
    code: Type.String({
      description: 'CBS code (GM0599, PV28) or the region’s own code (MRDH)',
      example: 'GM0599',
    }),
    kind: OrganisationKindSchema,
    name: Type.String({ description: 'Official CBS name', example: "'s-Gravenhage" }),
    displayName: Type.String({ description: 'The name in common use', example: 'Den Haag' }),
    provinceCode: Type.Union([Type.String(), Type.Null()], {
      description: 'CBS code of the province',
      example: 'PV28',
    }),
  },
  { $id: 'Organisation' },
);

export const OrganisationPage = Type.Object(
  {
    items: Type.Array(Type.Ref(Organisation)),
    total: Type.Integer({ description: 'Number of organisations that match, over all pages' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { $id: 'OrganisationPage' },
);

export const OrganisationQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or code' })),
  kind: Type.Optional(OrganisationKindSchema),
  province: Type.Optional(Type.String({ pattern: '^PV\\d{2}$', description: 'CBS province code' })),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});
export type OrganisationQuery = Static<typeof OrganisationQuery>;

export const OrganisationParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', description: 'CBS code', example: 'GM0599' }),
});
