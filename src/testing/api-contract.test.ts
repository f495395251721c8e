import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../core/db/database.ts';
import { access } from '../core/http/access.ts';
import { apiPrefix, apiResponses } from '../core/http/api.ts';
import { documentedPath } from './api-contract.ts';
import { exercisedSoFar, watchApiContract, type ContractWatch } from './api-contract-watch.ts';
import { defaultOperations, describeUncovered, uncoveredOperations } from './api-coverage.ts';
import { openTestDatabase } from './test-database.ts';

const Probe = Type.Object({ name: Type.String() });

/**
 * The app with two operations added that the tests can make misbehave, and one route under the
 * API that the document hides: what the contract check sees in every test app.
 */
async function appWithProbes(database: Database): Promise<FastifyInstance> {
  const config = loadConfig({ PUBLIC_URL: 'http://routekaart.test', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, logger: false });
  const schema = (operationId: string) => ({
    operationId,
    params: Type.Object({ probe: Type.String() }),
    response: apiResponses('A probe', Probe, [404], { headers: ['ETag'] }),
  });
  app.get<{ Params: { probe: string } }>(
    `${apiPrefix}/probes/:probe`,
    { config: { access: access.public }, schema: schema('getProbe') },
    async (request, reply) => {
      const { probe } = request.params;
      if (probe !== 'without-etag') reply.header('ETag', '"v1"');
      if (probe === 'teapot') return reply.code(418).send({ name: probe });
      // A string is sent as it is, past the serialiser that would otherwise fix the body.
      if (probe === 'wrong-body') return reply.type('application/json').send('{"title":"no name"}');
      if (probe === 'wrong-type') return reply.type('text/plain').send(probe);
      return { name: probe };
    },
  );
  app.get(
    `${apiPrefix}/untested-probes/:probe`,
    { config: { access: access.public }, schema: schema('getUntestedProbe') },
    async () => ({ name: 'never asked' }),
  );
  app.get(
    `${apiPrefix}/hidden-probe`,
    { config: { access: access.public }, schema: { hide: true } },
    async () => ({ name: 'not documented' }),
  );
  return app;
}

describe('the API contract check of the test app', () => {
  let database: Database;
  let app: FastifyInstance;
  let watch: ContractWatch;
  before(async () => {
    database = await openTestDatabase();
    app = await appWithProbes(database);
    watch = watchApiContract(app, { print: false });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  /** The violations that one request adds. */
  async function violationsOf(url: string): Promise<string[]> {
    const before = watch.violations.length;
    await app.inject({ url });
    return watch.violations.slice(before);
  }

  it('passes an answer that keeps to the document, and a documented refusal', async () => {
    assert.deepEqual(await violationsOf('/api/v1/probes/kept'), []);
    assert.deepEqual(await violationsOf('/api/v1/organisations/GM9999'), [], 'a documented 404');
  });

  it('reports an undocumented status, a missing required header, a wrong body and a wrong type', async () => {
    assert.deepEqual(await violationsOf('/api/v1/probes/teapot'), [
      'GET /probes/{probe} answered 418, which it does not document (to GET /api/v1/probes/teapot)',
    ]);
    assert.deepEqual(await violationsOf('/api/v1/probes/without-etag'), [
      'GET /probes/{probe} 200 lacks the required header ETag (to GET /api/v1/probes/without-etag)',
    ]);
    const [wrongBody, ...more] = await violationsOf('/api/v1/probes/wrong-body');
    assert.match(wrongBody ?? '', /^GET \/probes\/\{probe\} 200 body does not match: .*name/);
    assert.deepEqual(more, []);
    assert.deepEqual(await violationsOf('/api/v1/probes/wrong-type'), [
      'GET /probes/{probe} 200 sent text/plain, which it does not document (to GET /api/v1/probes/wrong-type)',
    ]);
  });

  it('reports an answer of a route under the API that the document leaves out', async () => {
    assert.deepEqual(await violationsOf('/api/v1/hidden-probe'), [
      'GET /hidden-probe is not in the OpenAPI document (to GET /api/v1/hidden-probe)',
    ]);
  });

  it('leaves out what is no operation: an unknown address, HEAD, and pages outside the API', async () => {
    assert.deepEqual(await violationsOf('/api/v1/does-not-exist'), []);
    assert.deepEqual(await violationsOf('/accessibility'), []);
    const before = watch.violations.length;
    await app.inject({ method: 'HEAD', url: '/api/v1/probes/teapot' });
    assert.equal(watch.violations.length, before);
  });

  it('fails the test app’s close with every violation listed', () => {
    assert.throws(
      () => watch.assertKept(),
      (error: Error) =>
        /^5 API answer\(s\) broke the OpenAPI document/.test(error.message) &&
        error.message.includes('answered 418') &&
        error.message.includes('/hidden-probe is not in the OpenAPI document'),
    );
  });

  it('lists an operation no test saw succeed as uncovered, with what was seen', async () => {
    await app.inject({ url: '/api/v1/organisations/GM0599/scans' });
    const operations = [
      'GET /probes/{probe}',
      'GET /untested-probes/{probe}',
      'GET /organisations/{code}/scans',
    ];
    const uncovered = uncoveredOperations(operations, exercisedSoFar());
    assert.deepEqual(uncovered, [
      { operation: 'GET /organisations/{code}/scans', statuses: [401] },
      { operation: 'GET /untested-probes/{probe}', statuses: [] },
    ]);
    assert.equal(
      describeUncovered(uncovered),
      '  - GET /organisations/{code}/scans (only 401 seen)\n  - GET /untested-probes/{probe} (never called)',
    );
  });

  it('judges coverage on the document of the default configuration', async () => {
    const operations = await defaultOperations(database);
    assert.ok(operations.includes('GET /organisations/{code}'));
    assert.ok(operations.includes('PUT /organisations/{code}/registers/{register}/entries/{id}'));
    assert.ok(!operations.some((o) => o.includes('probe')), 'only the app’s own operations');
  });

  it('writes route parameters the way the document does', () => {
    assert.equal(documentedPath('/api/v1/organisations/:code'), '/organisations/{code}');
    assert.equal(documentedPath('/api/v1/a/:id(\\d+)/b/:name'), '/a/{id}/b/{name}');
    assert.equal(documentedPath('/o/:code'), undefined);
  });
});
