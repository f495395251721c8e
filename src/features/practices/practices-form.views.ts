import { coreMessage } from '../../core/i18n/core.messages.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { alert, button, csrfField, table } from '../../core/render/components.ts';
import {
  errorSummary,
  selectField,
  textField,
  type FieldErrors,
  choiceGroup,
  textAreaField,
} from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { localise } from '../framework/index.ts';
import type { PracticeFormValues } from './practices-form.ts';
import { fileSize, practiceFramework } from './practices-labels.ts';
import { practiceMessage } from './practices.messages.ts';
import { mediaTypes } from '../../core/http/content-types.ts';

export interface PracticeFormData {
  organisation: { code: string; displayName: string };
  /** Undefined for a new practice. */
  practiceId?: number;
  values: PracticeFormValues;
  errors: FieldErrors;
  contacts: { id: number; name: string }[];
  attachments: { id: number; filename: string; size: number }[];
  /** The stored values when someone else saved first. */
  conflict?: { field: string; stored: string; yours: string }[];
  /** Files were chosen but the form had an error: ask to choose them again. */
  filesDropped?: boolean;
}

function fieldError(locale: Locale, name: string, error: string | undefined): SafeHtml | '' {
  if (!error) return '';
  return html`<p class="utrecht-form-field-error-message" id="field-${name}-error">
    <span class="rk-visually-hidden">${coreMessage(locale, 'form.error')} </span>${error}
  </p>`;
}

/** Themes grouped by pillar in the legend text, so that the choice follows the framework. */
function classification(locale: Locale, d: PracticeFormData): SafeHtml {
  const t = practiceMessage.for(locale);
  const framework = practiceFramework();
  const themeChoices = framework.themes.map((x) => ({
    value: x.id,
    label: `${localise(x.title, locale)} (${localise(framework.pillars.find((p) => p.id === x.pillar)?.title ?? x.title, locale)})`,
  }));
  return html`${selectField({
    name: 'pillar',
    label: t('field.pillar'),
    value: d.values.pillar,
    error: d.errors.pillar,
    locale,
    choices: [
      { value: '', label: '—' },
      ...framework.pillars.map((p) => ({ value: p.id, label: localise(p.title, locale) })),
    ],
  })}
  ${choiceGroup({ type: 'checkbox', name: 'themes', label: t('field.themes'), choices: themeChoices, chosen: d.values.themes, error: d.errors.themes, locale: locale })}
  ${choiceGroup({
    type: 'checkbox',
    name: 'tasks',
    label: t('field.tasks'),
    choices: framework.societalTasks.map((x) => ({ value: x.id, label: localise(x.title, locale) })),
    chosen: d.values.tasks,
    locale: locale,
  })}`;
}

function attachmentsFields(locale: Locale, d: PracticeFormData): SafeHtml {
  const t = practiceMessage.for(locale);
  const error = d.errors.attachments;
  return html`${
      d.attachments.length > 0
        ? choiceGroup({
            type: 'checkbox',
            name: 'removeAttachments',
            label: t('field.attachments.current'),
            choices: d.attachments.map((a) => ({
              value: String(a.id),
              label: t('field.attachments.remove', { name: `${a.filename} (${fileSize(locale, a.size)})` }),
            })),
            chosen: [],
            locale: locale,
          })
        : ''
    }
    <div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for="field-attachments"
          >${t('field.attachments')}
          <span class="rk-optional">${coreMessage(locale, 'form.optional')}</span></label
        >
      </div>
      <div class="utrecht-form-field-description" id="field-attachments-description">
        ${t('field.attachments.hint')} ${d.filesDropped ? t('field.attachments.again') : ''}
      </div>
      ${fieldError(locale, 'attachments', error)}
      <div class="utrecht-form-field__input">
        <input
          type="file"
          class="utrecht-textbox utrecht-textbox--html-input"
          id="field-attachments"
          name="attachments"
          multiple
          accept="${[mediaTypes.pdf, mediaTypes.png, mediaTypes.jpeg, mediaTypes.gif, mediaTypes.webp].join(',')}"
          aria-describedby="field-attachments-description${error ? ' field-attachments-error' : ''}"
        />
      </div>
    </div>`;
}

function conflictTable(locale: Locale, rows: NonNullable<PracticeFormData['conflict']>): SafeHtml {
  const t = practiceMessage.for(locale);
  return html`${alert('warning', html`<p class="utrecht-paragraph">${t('conflict')}</p>`)}
  ${table({
    caption: t('conflict.caption'),
    columns: [
      { label: t('conflict.field') },
      { label: t('conflict.stored') },
      { label: t('conflict.yours') },
    ],
    rows: rows.map((r) => ({ header: r.field, cells: [r.stored, r.yours] })),
  })}`;
}

function fields(ctx: PageContext, d: PracticeFormData): SafeHtml {
  const t = practiceMessage.for(ctx.locale);
  const l = ctx.locale;
  const v = d.values;
  const e = d.errors;
  return html`${textField({ name: 'title', label: t('field.title'), value: v.title, error: e.title, required: true, locale: l })}
  ${textAreaField({ name: 'summary', label: t('field.summary'), value: v.summary, error: e.summary, description: t('field.summary.hint'), rows: 3, locale: l })}
  ${textAreaField({ name: 'body', label: t('field.body'), value: v.body, error: e.body, description: t('field.body.hint'), rows: 10, required: false, locale: l })}
  ${classification(l, d)}
  ${textField({ name: 'periodStart', label: t('field.periodStart'), value: v.periodStart, error: e.periodStart, type: 'number', required: true, locale: l })}
  ${textField({ name: 'periodEnd', label: t('field.periodEnd'), value: v.periodEnd, error: e.periodEnd, type: 'number', description: t('field.periodEnd.hint'), required: false, locale: l })}
  ${textAreaField({ name: 'partners', label: t('field.partners'), value: v.partners, rows: 2, required: false, locale: l })}
  ${textAreaField({ name: 'results', label: t('field.results'), value: v.results, rows: 4, required: false, locale: l })}
  ${textAreaField({ name: 'lessons', label: t('field.lessons'), value: v.lessons, rows: 4, required: false, locale: l })}
  ${selectField({
    name: 'contact',
    label: t('field.contact'),
    value: v.contact,
    error: e.contact,
    description: t('field.contact.hint'),
    locale: l,
    choices: [
      { value: '', label: t('field.contact.none') },
      ...d.contacts.map((c) => ({ value: String(c.id), label: c.name })),
    ],
  })}
  ${textAreaField({ name: 'links', label: t('field.links'), value: v.links, error: e.links, description: t('field.links.hint'), rows: 3, required: false, locale: l })}
  ${attachmentsFields(l, d)}`;
}

export function practiceFormPage(ctx: PageContext, d: PracticeFormData): string {
  const t = practiceMessage.for(ctx.locale);
  const title = d.practiceId === undefined ? t('new.title') : t('edit.title');
  const base = `/o/${d.organisation.code}/practices`;
  const action = d.practiceId === undefined ? base : `${base}/${d.practiceId}`;
  return renderPage(ctx, {
    title,
    nav: 'knowledge',
    breadcrumbs: [
      { href: '/knowledge', label: t('knowledge.title') },
      { href: base, label: t('list.title', { organisation: d.organisation.displayName }) },
    ],
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${title}</h1>
      ${errorSummary(ctx.locale, d.errors)} ${d.conflict ? conflictTable(ctx.locale, d.conflict) : ''}
      <p class="utrecht-paragraph">${t('form.intro')}</p>
      <form method="post" action="${action}" enctype="multipart/form-data" novalidate>
        ${csrfField(ctx.csrfToken)}
        <input type="hidden" name="version" value="${d.values.version}" />
        ${fields(ctx, d)}
        <div class="rk-actions">${button(t('save'))}</div>
      </form>
    </div>`,
  });
}
