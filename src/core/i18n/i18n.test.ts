import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineMessages, formatQuarterOf } from './i18n.ts';

const messages = defineMessages({
  nl: {
    'team.one': 'Uw team heeft {count} lid.',
    'team.other': 'Uw team heeft {count} leden.',
    'found.one': '{count} gemeente in {province}',
    'found.other': '{count} gemeenten in {province}',
  },
  en: {
    'team.one': 'Your team has {count} member.',
    'team.other': 'Your team has {count} members.',
    'found.one': '{count} municipality in {province}',
    'found.other': '{count} municipalities in {province}',
  },
});

describe('one way to say a count', () => {
  it('picks the singular for one and the plural for none, many and fractions', () => {
    const t = messages.for('nl');
    assert.equal(t.plural('team', 1), 'Uw team heeft 1 lid.');
    assert.equal(t.plural('team', 0), 'Uw team heeft 0 leden.');
    assert.equal(t.plural('team', 2), 'Uw team heeft 2 leden.');
    assert.equal(messages.for('en').plural('team', 1), 'Your team has 1 member.');
    assert.equal(messages.for('en').plural('team', 1.5), 'Your team has 1.5 members.');
  });

  it('writes the count in the user’s number format and keeps the other parameters', () => {
    assert.equal(
      messages.for('nl').plural('found', 1250, { province: 'Holland' }),
      '1.250 gemeenten in Holland',
    );
    assert.equal(messages.for('en').plural('found', 1, { province: 'Holland' }), '1 municipality in Holland');
  });

  it('writes quarters as K1 2026 in Dutch and Q1 2026 in English', () => {
    assert.equal(formatQuarterOf('nl', { year: 2026, quarter: 1 }), 'K1 2026');
    assert.equal(formatQuarterOf('en', { year: 2026, quarter: 4 }), 'Q4 2026');
  });
});
