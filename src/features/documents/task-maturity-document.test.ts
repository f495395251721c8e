import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../core/db/database.ts';
import { organisationId } from '../../testing/factories.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { taskMaturity, taskMaturityRows } from '../scan/index.ts';
import type { DocumentTable } from './document.model.ts';
import { submittedScan } from './documents.fixtures.ts';
import { loadScan } from './scan-document-data.ts';
import { scanResultsDocument } from './scan-document.ts';

describe('maturity per societal task in the scan document', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  it('has a section with a table of each task’s position, from the scan’s own theme scores', async () => {
    const { scanId } = await submittedScan(database.db, 'GM0546', 'Nulmeting Leiden');
    const organisation = await organisationId(database.db, 'GM0546');
    const scan = await loadScan(database.db, organisation, scanId);
    assert.ok(scan);
    const scores = new Map(scan.results.themes.map((s) => [s.key, s.score]));
    assert.deepEqual(scan.tasks, taskMaturity(scan.framework, scores, ['zuid-holland']));
    const document = scanResultsDocument({
      locale: 'nl',
      organisationName: 'Gemeente Leiden',
      scan: scan.facts,
      framework: scan.framework,
      results: scan.results,
      tasks: scan.tasks,
      benchmark: undefined,
      version: 1,
      createdAt: new Date('2026-12-07T12:00:00Z'),
    });
    const section = document.sections.find((s) => s.heading === 'Volwassenheid per maatschappelijke opgave');
    assert.ok(section, 'the document has the section');
    const table = section.blocks.find((b): b is DocumentTable => b.kind === 'table');
    assert.ok(table);
    const rows = taskMaturityRows('nl', scan.framework, scan.tasks);
    assert.deepEqual(
      table.rows.map((r) => r[0]),
      rows.map((r) => r.task),
    );
    assert.equal(table.rows.length, scan.framework.societalTasks.length);
    assert.ok(
      section.blocks.some((b) => b.kind === 'list' && b.items.length > 0),
      'the actions that would move a task are listed',
    );
  });
});
