import type { Locale } from '../../core/i18n/i18n.ts';
import { readNumber } from '../../core/i18n/dutch-input.ts';
import { FormChecker, formValue, formValues } from '../../core/http/forms.ts';
import type { SessionFormValues } from './sessions-coordinator.views.ts';
import { sessionsMessage } from './sessions.messages.ts';
import { amsterdamToUtc } from './sessions-time.ts';
import type { NewSession } from './sessions.service.ts';
import { themeChoices } from './sessions.views.ts';

/**
 * The announcement form's values and checks: the coordinator's web form and the API (which turns its
 * body into these values first) both pass through `checkSessionForm`.
 */

export const emptySessionForm: SessionFormValues = {
  title: '',
  description: '',
  date: '',
  startTime: '',
  endTime: '',
  location: '',
  onlineUrl: '',
  capacity: '',
  themes: [],
};

export function readSessionForm(body: unknown): SessionFormValues {
  const value = (name: keyof SessionFormValues) => formValue(body, name);
  return {
    title: value('title'),
    description: value('description'),
    date: value('date'),
    startTime: value('startTime'),
    endTime: value('endTime'),
    location: value('location'),
    onlineUrl: value('onlineUrl'),
    capacity: value('capacity'),
    themes: formValues(body, 'themes'),
  };
}

/** Checks the form; on success the instants, converted from Amsterdam wall-clock time. */
export function checkSessionForm(locale: Locale, v: SessionFormValues, now: Date) {
  const t = sessionsMessage.for(locale);
  const form = new FormChecker(locale);
  form.required('title', t('field.title'), v.title, 200);
  if (v.description.length > 10_000) form.add('description', t('field.description'));
  const startsAt = amsterdamToUtc(v.date, v.startTime);
  const endsAt = amsterdamToUtc(v.date, v.endTime);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date) || !amsterdamToUtc(v.date, '12:00'))
    form.add('date', t('field.date.invalid'));
  if (!startsAt)
    form.add('startTime', t('field.time.invalid', { label: t('field.startTime').toLowerCase() }));
  if (!endsAt) form.add('endTime', t('field.time.invalid', { label: t('field.endTime').toLowerCase() }));
  if (startsAt && endsAt && endsAt <= startsAt) form.add('endTime', t('field.endTime.beforeStart'));
  if (startsAt && startsAt <= now) form.add('date', t('field.date.past'));
  if (v.location.length > 300) form.add('location', t('field.location'));
  if (v.onlineUrl && !/^https:\/\/[^\s]+$/.test(v.onlineUrl))
    form.add('onlineUrl', t('field.onlineUrl.invalid'));
  if (!v.location && !v.onlineUrl) form.add('location', t('field.where.none'));
  const capacityReading = readNumber(v.capacity, { decimals: 0, min: 1, max: 10_000 });
  const capacity = capacityReading.ok ? capacityReading.value : 0;
  if (!capacityReading.ok) form.add('capacity', t('field.capacity.invalid'));
  const known = new Set(themeChoices(locale).map((c) => c.value));
  // The form offers only known themes; anything else came from a tampered form or an API client.
  if (v.themes.some((id) => !known.has(id))) form.add('themes', t('field.themes.unknown'));
  const themes = v.themes.filter((id) => known.has(id));
  return { form, startsAt, endsAt, capacity, themes };
}

/** A checked announcement as `announceSession` takes it; undefined while the form has a problem. */
export function announcement(
  networkId: number,
  v: SessionFormValues,
  checked: ReturnType<typeof checkSessionForm>,
): NewSession | undefined {
  const { form, startsAt, endsAt, capacity, themes } = checked;
  if (!form.isValid || !startsAt || !endsAt) return undefined;
  return {
    networkId,
    title: v.title,
    description: v.description,
    startsAt,
    endsAt,
    location: v.location || null,
    onlineUrl: v.onlineUrl || null,
    capacity,
    themes,
  };
}
