import type { Locale } from '../../core/i18n/i18n.ts';
import { readDate, readNumber } from '../../core/i18n/dutch-input.ts';
import { FormChecker } from '../../core/http/forms.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { hoursPerDay } from './cases-rules.ts';
import { casesMessage } from './cases.messages.ts';
import type { DaysInput } from './case-days.service.ts';
import { caseStatuses, type CaseStatus } from './intake.tables.ts';

/**
 * The checks of the coordinator's forms on a question, shared by the web forms and the API: the API
 * turns its body into these form values, so both refuse the same input.
 */

export const maxAssignmentLength = 20_000;
export const maxNoteLength = 5000;

/** The status form: the state wanted, the state the form was shown in, and the text it needs. */
export function readStatusForm(values: {
  to: string;
  expectedStatus: string;
  outcome: string;
  declineReason: string;
}): { to: CaseStatus; expectedStatus: CaseStatus; text: string } | undefined {
  const to = caseStatuses.find((s) => s === values.to);
  const expectedStatus = caseStatuses.find((s) => s === values.expectedStatus);
  if (!to || !expectedStatus) return undefined;
  return { to, expectedStatus, text: to === 'declined' ? values.declineReason : values.outcome };
}

export const isAssignmentText = (text: string) => text.length <= maxAssignmentLength;
export const isNoteText = (text: string) => text !== '' && text.length <= maxNoteLength;

/** The assignee chosen: one of the network's coordinators, or nobody (''); undefined for anyone else. */
export function chosenAssignee(
  coordinators: { id: number }[],
  raw: string,
): { id: number | null } | undefined {
  if (raw === '') return { id: null };
  const assignee = coordinators.find((c) => String(c.id) === raw);
  return assignee ? { id: assignee.id } : undefined;
}

export const dayFields = [
  'workDate',
  'person',
  'party',
  'amount',
  'unit',
  'description',
  'overrunReason',
] as const;
export type DaysFormValues = Record<(typeof dayFields)[number], string>;

/** The days form: what to log, or the refusal per field. */
export function checkDaysForm(
  locale: Locale,
  v: DaysFormValues,
):
  { input: Omit<DaysInput, 'actorUserId'>; errors?: undefined } | { input?: undefined; errors: FieldErrors } {
  const t = casesMessage.for(locale);
  const isDays = v.unit === 'days';
  const amountReading = readNumber(v.amount, { decimals: 2, min: 0, max: isDays ? 10 : 24 });
  const amount = amountReading.ok ? amountReading.value : 0;
  const form = new FormChecker(locale);
  const workDate = readDate(v.workDate);
  if (!workDate.ok) form.add('workDate', t('case.days.date.invalid'));
  form.required('person', t('case.days.person'), v.person);
  if (!(amount > 0) || amount > (isDays ? 10 : 24)) form.add('amount', t('case.days.amount.invalid'));
  form.required('description', t('case.days.what'), v.description, 2000);
  if (!form.isValid || !workDate.ok) return { errors: form.errors };
  return {
    input: {
      workDate: workDate.value,
      person: v.person,
      // The budget is the firm's: a form without the choice logs firm time, as before the choice existed.
      party: v.party === 'expert' ? 'expert' : 'firm',
      hours: isDays ? amount * hoursPerDay : amount,
      description: v.description,
      overrunReason: v.overrunReason,
    },
  };
}
