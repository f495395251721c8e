import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logSerializers, privateLogger } from './logging.ts';

describe('log lines hold no personal data', () => {
  it('keeps the path of a request and drops its query string', () => {
    const logged = logSerializers.req({
      method: 'GET',
      url: '/o/GM0599/intake?q=Marieke+de+Vries',
      ip: '10.0.0.1',
    });
    assert.deepEqual(logged, { method: 'GET', url: '/o/GM0599/intake', remoteAddress: '10.0.0.1' });
  });

  it("removes a failed query's parameters from an error and its cause", () => {
    const cause = new Error('duplicate key');
    const error = new Error(
      'Failed query: insert into users (email) values ($1)\nparams: marieke@example.nl',
      {
        cause,
      },
    );
    const logged = logSerializers.err(error);
    assert.doesNotMatch(JSON.stringify(logged), /marieke/);
    assert.match(logged.message, /insert into users/);
    assert.equal((logged.cause as { message: string }).message, 'duplicate key');
  });

  it('adds the serializers to any logger options, and leaves a switched-off logger off', () => {
    assert.equal(privateLogger(false), false);
    const options = privateLogger({ level: 'info' });
    assert.ok(typeof options === 'object' && options.serializers?.req === logSerializers.req);
  });
});
