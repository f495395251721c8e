import { Type, type Static } from '@sinclair/typebox';
import { loadDemoContent } from '../../core/content/demo-content.ts';

const Email = Type.String({ minLength: 3 });
const QuestionId = Type.String({ minLength: 1 });
const Level = Type.Integer({ minimum: 1, maximum: 5 });
const Note = Type.String({ minLength: 1 });
const Evidence = Type.Optional(Type.Array(Type.String({ minLength: 1 })));

/** A note (and evidence) on one answer. */
const AnswerNote = Type.Object(
  { questionId: QuestionId, note: Note, evidence: Evidence },
  { additionalProperties: false },
);

/** Rotterdam's two scans: the hand-written part; code generates the colleagues' answers around it. */
const RotterdamScans = Type.Object(
  {
    organisation: Type.String({ minLength: 1 }),
    /** The first answers every question and settles the scan; the other two differ from it a little. */
    respondents: Type.Tuple([Email, Email, Email]),
    baseline: Type.Object(
      {
        title: Type.String({ minLength: 1 }),
        period: Type.Integer(),
        /** Per theme, the current level of each question in the framework's order. */
        levels: Type.Record(Type.String(), Type.Array(Level)),
        /** Where the ambition is highest: two levels up rather than one. */
        stretchThemes: Type.Array(Type.String()),
        /** Two levels apart (one level per respondent), settled by the team at the level in `levels`. */
        settled: Type.Array(
          Type.Object(
            {
              questionId: QuestionId,
              levels: Type.Tuple([Level, Level, Level]),
              note: Note,
              evidence: Evidence,
            },
            { additionalProperties: false },
          ),
        ),
        notes: Type.Array(
          Type.Object(
            { email: Email, questionId: QuestionId, note: Note, evidence: Evidence },
            { additionalProperties: false },
          ),
        ),
        /** Answered "don't know". */
        unknown: Type.Array(
          Type.Object(
            { email: Email, questionId: QuestionId, note: Type.Optional(Note) },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    followUp: Type.Object(
      {
        title: Type.String({ minLength: 1 }),
        period: Type.Integer(),
        /** A level up where Rotterdam put in the work. */
        improved: Type.Array(QuestionId),
        /** On the first respondent's answers, in this order. */
        notes: Type.Array(AnswerNote),
        /** The themes the second respondent has answered so far. */
        secondRespondentThemes: Type.Array(Type.String()),
        /** The second respondent two levels above the first: still to be discussed. */
        open: Type.Array(
          Type.Object({ questionId: QuestionId, level: Level, note: Note }, { additionalProperties: false }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type RotterdamScans = Static<typeof RotterdamScans>;

const DemoScans = Type.Object(
  {
    /** Noted on the first respondent's answer in every generated first scan. */
    firstScanNote: AnswerNote,
    rotterdam: RotterdamScans,
    /** The other organisations' scans, in this order after Rotterdam's. */
    scans: Type.Array(
      Type.Object(
        {
          organisation: Type.String({ minLength: 1 }),
          title: Type.String({ minLength: 1 }),
          period: Type.Integer(),
          respondents: Type.Array(Email, { minItems: 1 }),
          /** The average level of generated answers; without it nobody has answered yet. */
          generatedAround: Type.Optional(Type.Number({ minimum: 1, maximum: 5 })),
          /** False when the organisation measured before (benchmark.yaml): no first-scan note then. */
          firstScan: Type.Optional(Type.Boolean()),
          submit: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type DemoScanContent = Static<typeof DemoScans>;

/** content/demo/scans.yaml, checked. */
export function loadDemoScanContent(): DemoScanContent {
  return loadDemoContent('scans', DemoScans);
}
