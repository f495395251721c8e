import type { FastifyRequest } from 'fastify';
import type { FormChecker } from '../../core/http/forms.ts';
import { intakeMessage } from './intake.messages.ts';
import { caseCategories, contactPreferences, offeredUrgencies } from './intake.tables.ts';
import type { BrigadeFormValues } from './public.views.ts';

/** The checks both Brigade forms share; the municipality and consent are checked by the public one. */
export function checkBrigadeFields(
  form: FormChecker,
  locale: FastifyRequest['locale'],
  v: BrigadeFormValues,
): FormChecker {
  const t = intakeMessage.for(locale);
  // The form's own words first (FormChecker keeps the first message per field), then the generic
  // checks for length and e-mail format: "Kies een waarde voor waarover gaat uw vraag?." read badly.
  if (v.contactName.trim() === '') form.add('contactName', t('brigade.error.contactName'));
  if (v.contactEmail.trim() === '') form.add('contactEmail', t('brigade.error.contactEmail'));
  if (!caseCategories.some((c) => c === v.category)) form.add('category', t('brigade.error.category'));
  if (v.description.trim() === '') form.add('description', t('brigade.error.description'));
  if (!offeredUrgencies.some((u) => u === v.urgency)) form.add('urgency', t('brigade.error.urgency'));
  if (!contactPreferences.some((p) => p === v.contactPreference))
    form.add('contactPreference', t('brigade.error.contactPreference'));
  form
    .required('contactName', t('brigade.contactName'), v.contactName)
    .email('contactEmail', t('brigade.contactEmail'), v.contactEmail)
    .oneOf('category', t('brigade.category'), v.category, caseCategories)
    .required('description', t('brigade.description'), v.description, 5000)
    .oneOf('urgency', t('brigade.urgency'), v.urgency, offeredUrgencies)
    .oneOf('contactPreference', t('brigade.contactPreference'), v.contactPreference, contactPreferences);
  if (v.contactPhone.length > 40) form.add('contactPhone', t('brigade.error.contactPhone'));
  return form;
}
