import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpError } from './errors.ts';
import { idParam } from './params.ts';

const isNotFound = (error: unknown) => error instanceof HttpError && error.status === 404;

test('idParam reads a positive id written in plain digits', () => {
  assert.equal(idParam('42'), 42);
  assert.equal(idParam(7), 7);
});

test('idParam answers 404 for an id that is malformed, negative, zero or too large', () => {
  const malformed = ['', 'abc', '-1', '0', '1.5', '1e3', ' 1', '1 ', '0x10', '+1', '9007199254740993'];
  for (const value of [...malformed, undefined, -3, 1.5]) {
    assert.throws(() => idParam(value), isNotFound, `expected 404 for ${JSON.stringify(value)}`);
  }
});
