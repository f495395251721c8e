import { Type, type Static } from '@sinclair/typebox';
import { roles } from '../core/auth/auth.tables.ts';
import { loadDemoContent, oneOf } from '../core/content/demo-content.ts';

/** Fictional colleagues; the addresses use the reserved .example domain so that no mail reaches anyone. */
export const DemoPerson = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    email: Type.String({ minLength: 3 }),
    organisation: Type.String({ minLength: 1 }),
    role: oneOf(roles),
    /** Network this person coordinates. */
    coordinates: Type.Optional(oneOf(['zuid-holland', 'mrdh'])),
  },
  { additionalProperties: false },
);
export type DemoPerson = Static<typeof DemoPerson>;

const DemoPeople = Type.Object({ people: Type.Array(DemoPerson) }, { additionalProperties: false });

/** From content/demo/people.yaml; only the command line and tests import this module. */
export const demoPeople: DemoPerson[] = loadDemoContent('people', DemoPeople).people;
