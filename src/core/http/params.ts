import { notFound } from './errors.ts';

// Plain digits only: Number() would also accept ' 1', '1e3', '0x10' and '', which are not ids a
// link of ours ever produces, so they answer 404 like any other id that names nothing.
const digits = /^[0-9]+$/;

/** A database id from a route parameter; 404 unless it is a positive safe integer in plain digits. */
export function idParam(value: string | number | undefined): number {
  const text = String(value ?? '');
  if (!digits.test(text)) throw notFound();
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
}
