import type { FastifyInstance, FastifyRequest } from 'fastify';
import { coreMessage } from '../i18n/core.messages.ts';
import { InputError } from './errors.ts';

/**
 * Control characters have no use in a form field, an address or an imported cell, and some (NUL)
 * break the database. They are refused at the edge, before any handler, naming the field; the rest
 * of the application may assume text without them. Tab and line breaks are allowed in bodies
 * (multi-line fields), never in addresses.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this module's purpose
const inBody = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is this module's purpose
const inAddress = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is this module's purpose
const removable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** True for text a field may hold: no control character other than tab and line breaks. */
export function hasControlCharacter(text: string): boolean {
  return inBody.test(text);
}

/** The text without its control characters, to show back to the user what they typed. */
export function withoutControlCharacters(text: string): string {
  return text.replace(removable, '');
}

interface Finding {
  name: string;
  text: string;
}

function isFile(value: object): boolean {
  return 'data' in value && Buffer.isBuffer((value as { data: unknown }).data);
}

/** Every string in a parsed query, path or body (keys included) that holds a forbidden character. */
export function findControlCharacters(value: unknown, pattern: RegExp, name = ''): Finding[] {
  if (typeof value === 'string') return pattern.test(value) ? [{ name, text: value }] : [];
  if (typeof value !== 'object' || value === null) return [];
  if (isFile(value)) {
    const filename = (value as { filename?: unknown }).filename;
    return findControlCharacters(typeof filename === 'string' ? filename : '', pattern, name);
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) => findControlCharacters(item, pattern, `${name}[${i}]`));
  return Object.entries(value).flatMap(([key, item]) => {
    const path = name === '' ? key : `${name}.${key}`;
    if (pattern.test(key)) return [{ name: withoutControlCharacters(path), text: '' }];
    return findControlCharacters(item, pattern, path);
  });
}

/** Fields whose value is never shown back, even without its control characters. */
const secretField = /password|secret|token|csrf|code$/i;

function refuse(request: FastifyRequest, status: 400 | 422, findings: Finding[]): InputError {
  const names = [...new Set(findings.map((f) => f.name))];
  const detail = coreMessage(
    request.locale,
    status === 400 ? 'error.control.address' : 'error.control.body',
    {
      fields: names.map((n) => (request.locale === 'nl' ? `„${n}”` : `“${n}”`)).join(', '),
    },
  );
  const shown = findings
    .filter((f) => status === 422 && f.text !== '' && !secretField.test(f.name))
    .map((f) => ({ name: f.name, text: withoutControlCharacters(f.text) }));
  return new InputError(status, detail, names, shown);
}

export function registerInputGuard(app: FastifyInstance): void {
  // preValidation runs after the body is parsed and before the access rule looks anything up.
  app.addHook('preValidation', async (request) => {
    const inAddressFound = [
      ...findControlCharacters(request.params, inAddress),
      ...findControlCharacters(request.query, inAddress),
    ];
    if (inAddressFound.length > 0) throw refuse(request, 400, inAddressFound);
    const inBodyFound = findControlCharacters(request.body, inBody);
    if (inBodyFound.length > 0) throw refuse(request, 422, inBodyFound);
  });
}
