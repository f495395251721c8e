import { FormChecker, formValue, formValues } from '../../core/http/forms.ts';
import { detectFileKind, formFiles } from '../../core/http/uploads.ts';
import { formatInteger, type Locale } from '../../core/i18n/i18n.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { getFramework, latestFrameworkVersion, pillarIds } from '../framework/index.ts';
import { practiceMessage } from './practices.messages.ts';
import type { PracticeDetail } from './practices.queries.ts';
import { maxAttachments, type CheckedAttachment, type PracticeInput } from './practices.service.ts';
import type { PracticeLink } from './practices.tables.ts';

/** What the user typed, kept as text so the form can be shown again unchanged. */
export interface PracticeFormValues {
  title: string;
  summary: string;
  body: string;
  pillar: string;
  themes: string[];
  tasks: string[];
  periodStart: string;
  periodEnd: string;
  partners: string;
  results: string;
  lessons: string;
  contact: string;
  links: string;
  version: string;
}

export function readPracticeForm(body: unknown): PracticeFormValues {
  const v = (name: string) => formValue(body, name);
  return {
    title: v('title'),
    summary: v('summary'),
    body: v('body'),
    pillar: v('pillar'),
    themes: formValues(body, 'themes'),
    tasks: formValues(body, 'tasks'),
    periodStart: v('periodStart'),
    periodEnd: v('periodEnd'),
    partners: v('partners'),
    results: v('results'),
    lessons: v('lessons'),
    contact: v('contact'),
    links: v('links'),
    version: v('version'),
  };
}

export function formValuesOf(p: PracticeDetail): PracticeFormValues {
  return {
    title: p.title,
    summary: p.summary,
    body: p.body,
    pillar: p.pillar,
    themes: p.themes,
    tasks: p.tasks,
    periodStart: String(p.periodStart),
    periodEnd: p.periodEnd === null ? '' : String(p.periodEnd),
    partners: p.partners,
    results: p.results,
    lessons: p.lessons,
    contact: p.contactUserId === null ? '' : String(p.contactUserId),
    links: p.links.map((l) => (l.label === l.url ? l.url : `${l.label} | ${l.url}`)).join('\n'),
    version: String(p.version),
  };
}

function parseYear(text: string): number | undefined {
  const n = Number(text);
  return /^\d{4}$/.test(text) && n >= 2000 && n <= 2100 ? n : undefined;
}

function parseLinks(text: string): { links: PracticeLink[]; badLine?: number } {
  const links: PracticeLink[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const [first = '', second] = line.split('|').map((s) => s.trim());
    const url = second ?? first;
    const label = second === undefined ? url : first || url;
    if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url)) return { links, badLine: i + 1 };
    links.push({ label, url });
  }
  return { links };
}

export interface CheckedForm {
  input?: PracticeInput;
  errors: FieldErrors;
}

/** Checks the typed values; field messages name the field in the user's language. */
export function checkPracticeForm(locale: Locale, values: PracticeFormValues): CheckedForm {
  const t = practiceMessage.for(locale);
  const framework = getFramework(latestFrameworkVersion());
  const form = new FormChecker(locale)
    .required('title', t('field.title'), values.title)
    .required('summary', t('field.summary'), values.summary, 1000);
  for (const [name, max] of [
    ['body', 20_000],
    ['partners', 2000],
    ['results', 5000],
    ['lessons', 5000],
  ] as const)
    if (values[name].length > max)
      form.add(
        name,
        coreMessage(locale, 'form.tooLong', { label: t(`field.${name}`), max: formatInteger(locale, max) }),
      );
  form.oneOf('pillar', t('field.pillar'), values.pillar, pillarIds);
  const pillarThemes = framework.themes.filter((x) => x.pillar === values.pillar).map((x) => x.id);
  if (values.themes.length === 0) form.add('themes', t('field.themes.none'));
  else if (values.themes.some((id) => !pillarThemes.includes(id)))
    form.add('themes', t('field.themes.pillar'));
  const taskIds = framework.societalTasks.map((x) => x.id);
  const tasks = values.tasks.filter((id) => taskIds.includes(id));
  const start = parseYear(values.periodStart);
  if (start === undefined)
    form.add('periodStart', t('field.period.invalid', { label: t('field.periodStart').toLowerCase() }));
  const end = values.periodEnd === '' ? null : parseYear(values.periodEnd);
  if (end === undefined)
    form.add('periodEnd', t('field.period.invalid', { label: t('field.periodEnd').toLowerCase() }));
  else if (end !== null && start !== undefined && end < start)
    form.add('periodEnd', t('field.periodEnd.before'));
  const contactUserId = values.contact === '' ? null : Number(values.contact);
  if (contactUserId !== null && !Number.isSafeInteger(contactUserId))
    form.add('contact', t('field.contact.invalid'));
  const { links, badLine } = parseLinks(values.links);
  if (badLine !== undefined) form.add('links', t('field.links.invalid', { line: badLine }));
  if (!form.isValid || start === undefined || end === undefined) return { errors: form.errors };
  const input: PracticeInput = {
    title: values.title,
    summary: values.summary,
    body: values.body,
    pillar: values.pillar,
    themes: values.themes,
    tasks,
    periodStart: start,
    periodEnd: end,
    partners: values.partners,
    results: values.results,
    lessons: values.lessons,
    contactUserId,
    links,
  };
  return { input, errors: {} };
}

/** Which limit a file broke: too many, too large, or not a PDF or image by its content. */
export type AttachmentProblem = 'tooMany' | 'tooLarge' | 'type';

/** Attachments checked by content: PDF or image, at most 10 MB, at most 10. */
export async function checkAttachments(
  locale: Locale,
  body: unknown,
): Promise<{ files: CheckedAttachment[]; error?: string; problem?: AttachmentProblem }> {
  const t = practiceMessage.for(locale);
  const uploads = formFiles(body, 'attachments');
  const refuse = (problem: AttachmentProblem, error: string) => ({ files: [], error, problem });
  if (uploads.length > maxAttachments) return refuse('tooMany', t('field.attachments.tooMany'));
  const files: CheckedAttachment[] = [];
  for (const upload of uploads) {
    const name = upload.filename || '?';
    if (upload.isTooLarge) return refuse('tooLarge', t('field.attachments.tooLarge', { name }));
    const kind = await detectFileKind(upload.data);
    if (!kind) return refuse('type', t('field.attachments.type', { name }));
    files.push({ filename: upload.filename || `bijlage.${kind.kind}`, mime: kind.mime, data: upload.data });
  }
  return { files };
}
