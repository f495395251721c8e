import type { Choice, FieldErrors } from '../../core/render/form-fields.ts';
import { button, csrfField } from '../../core/render/components.ts';
import {
  errorSummary,
  choiceGroup,
  selectField,
  textField,
  textAreaField,
} from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { formatDate } from '../../core/i18n/i18n.ts';
import { glossaryLink } from '../glossary/index.ts';
import { checkbox, problem, spamFields } from './intake-components.ts';
import { intakeMessage } from './intake.messages.ts';
import { caseCategories, contactPreferences, offeredUrgencies } from './intake.tables.ts';

export interface GuideFormValues {
  name: string;
  email: string;
  organisation: string;
  organisationOther: string;
  role: string;
  purpose: string;
  consent: string;
}

export interface FormState<V> {
  values: V;
  errors: FieldErrors;
  /** A refusal that is not about one field (spam checks). */
  problem?: string | undefined;
  stamp: string;
  honeypot?: string;
}

export const otherOrganisation = 'other';

export function guideFormPage(
  ctx: PageContext,
  organisations: { code: string; displayName: string }[],
  state: FormState<GuideFormValues>,
): string {
  const t = intakeMessage.for(ctx.locale);
  const { values: v, errors: e } = state;
  const choices: Choice[] = [
    { value: '', label: t('guide.organisation.choose') },
    ...organisations.map((o) => ({ value: o.code, label: o.displayName })),
    { value: otherOrganisation, label: t('guide.organisation.other') },
  ];
  return renderPage(ctx, {
    title: t('guide.title'),
    main: html`<h1 class="utrecht-heading-1">${t('guide.title')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">${t('guide.lead')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/handreiking/route">${t('guide.route')}</a> ·
        ${glossaryLink(ctx.locale)}
      </p>
      ${problem(state.problem)} ${errorSummary(ctx.locale, e)}
      <form method="post" action="/handreiking" class="rk-form" novalidate>
        ${csrfField(ctx.csrfToken)} ${spamFields(ctx.locale, state.stamp, state.honeypot)}
        ${textField({ name: 'name', label: t('guide.name'), value: v.name, error: e.name, autocomplete: 'name', required: true, locale: ctx.locale })}
        ${textField({ name: 'email', label: t('guide.email'), value: v.email, error: e.email, type: 'email', autocomplete: 'email', required: true, locale: ctx.locale })}
        ${selectField({ name: 'organisation', label: t('guide.organisation'), value: v.organisation, error: e.organisation, choices, locale: ctx.locale })}
        ${textField({ name: 'organisationOther', label: t('guide.organisationOther'), description: t('guide.organisationOther.description'), value: v.organisationOther, error: e.organisationOther, autocomplete: 'organization', required: false, locale: ctx.locale })}
        ${textField({ name: 'role', label: t('guide.role'), value: v.role, error: e.role, autocomplete: 'organization-title', required: true, locale: ctx.locale })}
        ${textAreaField({ name: 'purpose', label: t('guide.purpose'), value: v.purpose, error: e.purpose, required: false, rows: 3, locale: ctx.locale })}
        ${checkbox({ name: 'consent', label: t('guide.consent'), isChecked: v.consent === 'yes', error: e.consent, locale: ctx.locale })}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/privacy">${intakeMessage(ctx.locale, 'brigade.privacyLink')}</a>
        </p>
        ${button(t('guide.submit'))}
      </form>`,
  });
}

export interface BrigadeFormValues {
  municipality: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  category: string;
  description: string;
  urgency: string;
  contactPreference: string;
  consent: string;
}

export function brigadeFields(
  ctx: PageContext,
  state: { values: BrigadeFormValues; errors: FieldErrors },
): SafeHtml {
  const t = intakeMessage.for(ctx.locale);
  const { values: v, errors: e } = state;
  const categories = caseCategories.map((c) => ({ value: c, label: t(`category.${c}`) }));
  const urgencyChoices = offeredUrgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }));
  const preferences = contactPreferences.map((p) => ({ value: p, label: t(`preference.${p}`) }));
  return html`${textField({ name: 'contactName', label: t('brigade.contactName'), value: v.contactName, error: e.contactName, autocomplete: 'name', required: true, locale: ctx.locale })}
  ${textField({ name: 'contactEmail', label: t('brigade.contactEmail'), value: v.contactEmail, error: e.contactEmail, type: 'email', autocomplete: 'email', required: true, locale: ctx.locale })}
  ${textField({ name: 'contactPhone', label: t('brigade.contactPhone'), value: v.contactPhone, error: e.contactPhone, autocomplete: 'tel', required: false, locale: ctx.locale })}
  ${choiceGroup({ type: 'radio', name: 'category', label: t('brigade.category'), chosen: [v.category], error: e.category, choices: categories, locale: ctx.locale })}
  ${textAreaField({ name: 'description', label: t('brigade.description'), description: t('brigade.description.hint'), value: v.description, error: e.description, locale: ctx.locale })}
  ${choiceGroup({ type: 'radio', name: 'urgency', label: t('brigade.urgency'), chosen: [v.urgency], error: e.urgency, choices: urgencyChoices, locale: ctx.locale })}
  ${choiceGroup({ type: 'radio', name: 'contactPreference', label: t('brigade.contactPreference'), chosen: [v.contactPreference], error: e.contactPreference, choices: preferences, locale: ctx.locale })}`;
}

export function brigadeFormPage(
  ctx: PageContext,
  municipalities: { code: string; displayName: string }[],
  state: FormState<BrigadeFormValues>,
): string {
  const t = intakeMessage.for(ctx.locale);
  const { values: v, errors: e } = state;
  const choices: Choice[] = [
    { value: '', label: t('brigade.municipality.choose') },
    ...municipalities.map((m) => ({ value: m.code, label: m.displayName })),
  ];
  return renderPage(ctx, {
    title: t('brigade.title'),
    main: html`<h1 class="utrecht-heading-1">${t('brigade.title')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">${t('brigade.lead')}</p>
      ${ctx.user ? '' : html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/login?next=/brigade">${t('brigade.signedInHint')}</a></p>`}
      ${problem(state.problem)} ${errorSummary(ctx.locale, e)}
      <form method="post" action="/brigade" class="rk-form" novalidate>
        ${csrfField(ctx.csrfToken)} ${spamFields(ctx.locale, state.stamp, state.honeypot)}
        ${selectField({ name: 'municipality', label: t('brigade.municipality'), value: v.municipality, error: e.municipality, choices, locale: ctx.locale })}
        ${brigadeFields(ctx, state)}
        ${checkbox({ name: 'consent', label: t('guide.consent'), isChecked: v.consent === 'yes', error: e.consent, locale: ctx.locale })}
        ${button(t('brigade.submit'))}
      </form>`,
  });
}

export function thanksPage(ctx: PageContext, kind: 'guide' | 'brigade'): string {
  const t = intakeMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t(`${kind}.thanks.title`),
    main: html`<h1 class="utrecht-heading-1">${t(`${kind}.thanks.title`)}</h1>
      <p class="utrecht-paragraph">${t(`${kind}.thanks.body`)}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">${intakeMessage(ctx.locale, 'brigade.homeLink')}</a>
      </p>`,
  });
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

export function downloadPage(
  ctx: PageContext,
  data: { token: string; expiresAt: Date; document: { version: number; sizeBytes: number } | undefined },
): string {
  const t = intakeMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('download.title'),
    main: html`<h1 class="utrecht-heading-1">${t('download.title')}</h1>
      ${
        data.document
          ? html`<p class="utrecht-paragraph">
                ${t('download.body', { version: data.document.version, size: formatSize(data.document.sizeBytes) })}
              </p>
              <p class="utrecht-paragraph">
                <a
                  class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                  href="/handreiking/download/${data.token}/file"
                  >${t('download.button')}</a
                >
              </p>`
          : html`<p class="utrecht-paragraph">${t('download.notYet')}</p>`
      }
      <p class="utrecht-paragraph">
        ${t('download.expiresOn', { date: formatDate(ctx.locale, data.expiresAt) })}
      </p>`,
  });
}

export function linkExpiredPage(ctx: PageContext): string {
  const t = intakeMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('download.title'),
    main: html`<h1 class="utrecht-heading-1">${t('download.title')}</h1>
      <p class="utrecht-paragraph">${t('download.expired')}</p>
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/handreiking">${t('guide.title')}</a></p>`,
  });
}
