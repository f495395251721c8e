import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import type { CouncilLetterData } from './council-letter.ts';
import { councilLetters } from './documents.tables.ts';

export type LetterRow = Omit<typeof councilLetters.$inferSelect, 'content'>;

const listed = {
  id: councilLetters.id,
  organisationId: councilLetters.organisationId,
  strategyId: councilLetters.strategyId,
  strategyVersion: councilLetters.strategyVersion,
  periodStart: councilLetters.periodStart,
  locale: councilLetters.locale,
  draftedByUserId: councilLetters.draftedByUserId,
  draftedByName: councilLetters.draftedByName,
  draftedAt: councilLetters.draftedAt,
};

/** The organisation's letters, newest first, without their content. */
export async function listLetters(db: Db, organisationId: number): Promise<LetterRow[]> {
  return db
    .select(listed)
    .from(councilLetters)
    .where(eq(councilLetters.organisationId, organisationId))
    .orderBy(desc(councilLetters.draftedAt), desc(councilLetters.id));
}

/** One letter with what it says, only if it belongs to the organisation: another's id finds nothing. */
export async function findLetter(
  db: Db,
  organisationId: number,
  id: number,
): Promise<(LetterRow & { content: CouncilLetterData }) | undefined> {
  const [row] = await db
    .select({ ...listed, content: councilLetters.content })
    .from(councilLetters)
    .where(and(eq(councilLetters.id, id), eq(councilLetters.organisationId, organisationId)));
  return row && { ...row, content: row.content as CouncilLetterData };
}

export interface NewLetter {
  organisationId: number;
  strategyId: number;
  strategyVersion: number;
  periodStart: string;
  locale: string;
  content: CouncilLetterData;
  draftedByUserId: number;
  draftedByName: string;
  draftedAt: Date;
}

export async function insertLetter(tx: Db, letter: NewLetter): Promise<number> {
  const [row] = await tx.insert(councilLetters).values(letter).returning({ id: councilLetters.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}
