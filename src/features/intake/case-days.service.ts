import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { dayBudget, hoursPerDay } from './cases-rules.ts';
import { totalHours } from './cases.queries.ts';
import { addEvent, lockCase } from './cases.service.ts';
import { advisoryDays, type DayParty } from './intake.tables.ts';

export interface DaysInput {
  workDate: string;
  person: string;
  party: DayParty;
  hours: number;
  description: string;
  overrunReason: string;
  actorUserId: number | null;
}

export type DaysResult =
  | { ok: true; totalDays: number }
  | { ok: false; problem: 'notFound' }
  | { ok: false; problem: 'reasonRequired'; totalDays: number; newTotalDays: number };

/**
 * Logs time on a question. The firm's time past the 10-day budget needs a coordinator's reason, which
 * is recorded; the Brigade's own experts have no cap (MRDH caps only the external firm).
 */
export async function logDays(db: Db, caseId: number, input: DaysInput): Promise<DaysResult> {
  return db.transaction(async (tx): Promise<DaysResult> => {
    const current = await lockCase(tx, caseId);
    if (!current) return { ok: false, problem: 'notFound' };
    const totalDays = (await totalHours(tx, caseId, 'firm')) / hoursPerDay;
    const newTotalDays = input.party === 'firm' ? totalDays + input.hours / hoursPerDay : totalDays;
    const isOverBudget = input.party === 'firm' && newTotalDays > dayBudget;
    if (isOverBudget && input.overrunReason === '')
      return { ok: false, problem: 'reasonRequired', totalDays, newTotalDays };
    await tx.insert(advisoryDays).values({
      caseId,
      workDate: input.workDate,
      person: input.person,
      party: input.party,
      hours: input.hours,
      description: input.description,
      overrunReason: isOverBudget ? input.overrunReason : null,
      loggedByUserId: input.actorUserId,
    });
    const details = {
      hours: input.hours,
      date: input.workDate,
      person: input.person,
      party: input.party,
      reason: isOverBudget ? input.overrunReason : null,
    };
    await addEvent(tx, caseId, input.actorUserId, 'days', details, true);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'intake.case-days',
      details: { caseId, hours: input.hours },
    });
    return { ok: true, totalDays: newTotalDays };
  });
}
