import { isEmail } from '../../core/http/forms.ts';
import { hasControlCharacter } from '../../core/http/input-guard.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import {
  dateProblemMessage,
  numberProblemMessage,
  readDate,
  readNumber,
} from '../../core/i18n/dutch-input.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { partnerKinds, type FieldSpec } from './registries-fields.ts';
import { fieldLabel, optionLabels } from './registries-labels.ts';
import { registryMessage } from './registries.messages.ts';
import type { EntryData, FieldValue, Partner, RegistryKind, TitledLink } from './registries.tables.ts';

/** What a select may hold besides its fixed options: the framework's tasks, the organisation's contracts. */
export interface ValueContext {
  societalTasks: readonly string[];
  contractNames: readonly string[];
  /** The names of the organisation's assessments and data sources, which algorithms link to. */
  assessmentNames?: readonly string[];
  dataSourceNames?: readonly string[];
}

export type Raw = Record<string, string>;
export type ParseResult =
  { ok: true; data: EntryData; name: string } | { ok: false; errors: Record<string, string> };

const truthy = ['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x', 'on'];
const falsy = ['nee', 'n', 'no', 'false', 'onwaar', '0', ''];
const maxText = 200;
const maxTextarea = 4000;

function allowedOptions(field: FieldSpec, context: ValueContext): readonly string[] {
  if (field.optionSource === 'societalTasks') return context.societalTasks;
  if (field.optionSource === 'contracts') return context.contractNames;
  if (field.optionSource === 'assessments') return context.assessmentNames ?? [];
  if (field.optionSource === 'dataSources') return context.dataSourceNames ?? [];
  return field.options ?? [];
}

/** A code, or its Dutch or English label typed by hand in a spreadsheet. */
function optionCode(field: FieldSpec, value: string, allowed: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  const exact = allowed.find((code) => code.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  return allowed.find((code) => {
    const labels = optionLabels[`${field.key}.${code}`];
    return labels !== undefined && (labels.nl.toLowerCase() === lower || labels.en.toLowerCase() === lower);
  });
}

function partnerKind(value: string): string | undefined {
  const lower = value.trim().toLowerCase();
  return partnerKinds.find((kind) => {
    const labels = optionLabels[`partner.${kind}`];
    return kind === lower || labels?.nl === lower || labels?.en === lower;
  });
}

/** "TU Delft; kennisinstelling", one partner per line (or separated by "|" in a spreadsheet cell). */
export function parsePartners(text: string): { partners: Partner[]; bad: string[] } {
  const partners: Partner[] = [];
  const bad: string[] = [];
  for (const line of text
    .split(/\r?\n|\|/)
    .map((l) => l.trim())
    .filter((l) => l !== '')) {
    const at = line.lastIndexOf(';');
    const kind = at > 0 ? partnerKind(line.slice(at + 1)) : undefined;
    const name = at > 0 ? line.slice(0, at).trim() : '';
    if (kind === undefined || name === '') bad.push(line);
    else partners.push({ name, kind });
  }
  return { partners, bad };
}

/** "Wegenverkeerswet 1994; https://wetten.overheid.nl/BWBR0006622", one a line (or "|" in a cell). */
export function parseLinks(text: string): { links: TitledLink[]; bad: string[] } {
  const links: TitledLink[] = [];
  const bad: string[] = [];
  for (const line of splitLines(text)) {
    const match = /^(.*?)[;\s]\s*(https?:\/\/[^\s]+\.[^\s]+)$/.exec(line);
    const title = match?.[1]?.trim().replace(/;$/, '').trim() ?? '';
    if (!match?.[2] || title === '') bad.push(line);
    else links.push({ title, link: match[2] });
  }
  return { links, bad };
}

/** Several values of a checkbox group or a cell: one a line, or separated by "|". */
function splitLines(text: string): string[] {
  return text
    .split(/\r?\n|\|/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

type FieldOutcome = { value: FieldValue } | { error: string };

function parseMany(locale: Locale, field: FieldSpec, raw: string, context: ValueContext): FieldOutcome {
  const allowed = allowedOptions(field, context);
  const codes: string[] = [];
  for (const value of splitLines(raw)) {
    const code = optionCode(field, value, allowed);
    if (code === undefined) {
      const key = field.kind === 'entries' ? 'value.entry' : 'value.option';
      return { error: registryMessage(locale, key, { value }) };
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return { value: codes };
}

function parseLinkField(locale: Locale, field: FieldSpec, raw: string): FieldOutcome {
  const { links, bad } = parseLinks(raw);
  if (bad.length > 0) return { error: registryMessage(locale, 'value.links', { value: bad[0] ?? '' }) };
  const limits = field.linkLimits ?? { title: maxText, link: maxText };
  const long = links.find((l) => l.title.length > limits.title || l.link.length > limits.link);
  if (long === undefined) return { value: links };
  const isTitle = long.title.length > limits.title;
  return {
    error: registryMessage(locale, isTitle ? 'value.linkTitleTooLong' : 'value.linkTooLong', {
      value: isTitle ? long.title : long.link,
      max: isTitle ? limits.title : limits.link,
    }),
  };
}

function tooLong(locale: Locale, field: FieldSpec, raw: string, fallback: number): FieldOutcome | undefined {
  const max = field.maxLength ?? fallback;
  return raw.length > max
    ? { error: registryMessage(locale, 'value.tooLong', { max, length: raw.length }) }
    : undefined;
}

function parseField(locale: Locale, field: FieldSpec, raw: string, context: ValueContext): FieldOutcome {
  const t = (key: Parameters<typeof registryMessage>[1], params: Record<string, string | number> = {}) => ({
    error: registryMessage(locale, key, { ...params, value: raw }),
  });
  switch (field.kind) {
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (truthy.includes(lower)) return { value: true };
      if (falsy.includes(lower)) return { value: false };
      return t('value.boolean');
    }
    case 'number': {
      if (raw === '') return { value: null };
      const rule = field.number ?? { decimals: 0, min: 0, max: Number.MAX_SAFE_INTEGER };
      const reading = readNumber(raw, rule);
      return reading.ok
        ? { value: reading.value }
        : { error: numberProblemMessage(locale, reading.problem, rule, raw) };
    }
    case 'date': {
      if (raw === '') return { value: null };
      const reading = readDate(raw);
      return reading.ok ? { value: reading.value } : { error: dateProblemMessage(locale, raw) };
    }
    case 'select': {
      if (raw === '') return { value: null };
      const code = optionCode(field, raw, allowedOptions(field, context));
      return code === undefined
        ? t(
            field.optionSource === 'contracts'
              ? 'value.contract'
              : field.optionSource === undefined || field.optionSource === 'societalTasks'
                ? 'value.option'
                : 'value.entry',
          )
        : { value: code };
    }
    case 'list':
      return {
        value: raw
          .split(/[,;\n]/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
    case 'choices':
    case 'entries':
      return parseMany(locale, field, raw, context);
    case 'links':
      return parseLinkField(locale, field, raw);
    case 'month':
      if (raw === '') return { value: null };
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? { value: raw } : t('value.month');
    case 'url':
      if (raw === '') return { value: null };
      return (
        tooLong(locale, field, raw, maxText) ??
        (/^https?:\/\/[^\s]+\.[^\s]+$/.test(raw) ? { value: raw } : t('value.url'))
      );
    case 'email':
      if (raw === '') return { value: null };
      return tooLong(locale, field, raw, maxText) ?? (isEmail(raw) ? { value: raw } : t('value.email'));
    case 'partners': {
      const { partners, bad } = parsePartners(raw);
      return bad.length > 0
        ? { error: registryMessage(locale, 'value.partners', { value: bad[0] ?? '' }) }
        : { value: partners };
    }
    default:
      return (
        tooLong(locale, field, raw, field.kind === 'textarea' ? maxTextarea : maxText) ?? {
          value: raw === '' ? null : raw,
        }
      );
  }
}

function isEmptyValue(value: FieldValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Rules that tie fields together; each names the field to correct. */
function crossChecks(locale: Locale, registry: RegistryKind, data: EntryData): Record<string, string> {
  const errors: Record<string, string> = {};
  const label = (key: string) => fieldLabel(locale, registry, key).toLowerCase();
  if (registry === 'data-sources' && data.openness === 'open') {
    for (const key of ['access_url', 'licence', 'contact_email'])
      if (isEmptyValue(data[key] ?? null))
        errors[key] = registryMessage(locale, 'value.openNeeds', { label: label(key) });
  }
  if (registry === 'assessments' && data.status === 'done' && data.assessment !== 'none' && !data.done_on)
    errors.done_on = registryMessage(locale, 'value.doneNeedsDate');
  const start = data.start_date ?? data.begin_date;
  const end = data.end_date;
  if (typeof start === 'string' && typeof end === 'string' && end < start)
    errors.end_date = registryMessage(locale, 'value.endBeforeStart');
  return errors;
}

/** Checks and converts one entry's text values (from a form or an import row); messages name the field. */
export function parseEntry(
  locale: Locale,
  registry: RegistryKind,
  fields: readonly FieldSpec[],
  raw: Raw,
  context: ValueContext,
): ParseResult {
  const data: EntryData = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const text = (raw[field.key] ?? '').trim();
    const label = fieldLabel(locale, registry, field.key);
    // An imported cell can hold what a form field cannot (the edge refuses it there).
    if (hasControlCharacter(text)) {
      errors[field.key] = coreMessage(locale, 'input.control', { label });
      continue;
    }
    const outcome = parseField(locale, field, text, context);
    if ('error' in outcome) errors[field.key] = `${label}: ${outcome.error}`;
    else if (field.isRequired && isEmptyValue(outcome.value))
      errors[field.key] = registryMessage(locale, 'value.required', { label: label.toLowerCase() });
    else data[field.key] = outcome.value;
  }
  if (Object.keys(errors).length === 0) Object.assign(errors, crossChecks(locale, registry, data));
  const name = typeof data.name === 'string' ? data.name : '';
  return Object.keys(errors).length === 0 ? { ok: true, data, name } : { ok: false, errors };
}

/** The value as the form and the export show it: the inverse of parsing. */
export function rawValue(value: FieldValue | undefined, field?: FieldSpec): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  const items = value.map((item: string | Partner | TitledLink) =>
    typeof item === 'string'
      ? item
      : 'kind' in item
        ? `${item.name}; ${item.kind}`
        : `${item.title}; ${item.link}`,
  );
  // Names and titles may hold commas: only a plain list is written on one line.
  const isOneLine = field ? field.kind === 'list' : value.every((item) => typeof item === 'string');
  return items.join(isOneLine ? ', ' : '\n');
}

export function rawOf(fields: readonly FieldSpec[], data: EntryData): Raw {
  return Object.fromEntries(fields.map((f) => [f.key, rawValue(data[f.key], f)]));
}
