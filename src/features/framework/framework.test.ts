import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { parseDocument } from 'yaml';
import type { Database } from '../../core/db/database.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import {
  defaultContentDir,
  findQuestion,
  FrameworkError,
  frameworkVersions,
  getFramework,
  latestFrameworkVersion,
  listFrameworkVersions,
  loadFramework,
  localise,
  pillarIds,
  registerFrameworks,
  themesOfPillar,
} from './index.ts';

const shipped = '2026.1';
const tempDirs: string[] = [];

/** A fresh copy of the shipped version in a temporary content directory, to break or change. */
function copyOfShipped(version = shipped): string {
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'routekaart-framework-'));
  tempDirs.push(contentDir);
  fs.cpSync(path.join(defaultContentDir, shipped), path.join(contentDir, version), { recursive: true });
  return contentDir;
}

/** Edits one YAML file of a copied version through the yaml document model, keeping the rest as is. */
function editYaml(contentDir: string, file: string, edit: (doc: ReturnType<typeof parseDocument>) => void) {
  const full = path.join(contentDir, shipped, file);
  const doc = parseDocument(fs.readFileSync(full, 'utf8'));
  edit(doc);
  fs.writeFileSync(full, doc.toString());
}

function problemsOf(contentDir: string): string {
  try {
    loadFramework(shipped, contentDir);
  } catch (error) {
    assert.ok(error instanceof FrameworkError, `expected a FrameworkError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('the broken framework loaded without a problem');
}

function brokenBy(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const contentDir = copyOfShipped();
  editYaml(contentDir, file, edit);
  return problemsOf(contentDir);
}

after(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the shipped framework', () => {
  it('passes every content check, with four pillars, fifteen themes and 40 to 70 questions', () => {
    const framework = loadFramework(shipped);
    const questions = framework.themes.flatMap((theme) => theme.questions);
    assert.equal(framework.pillars.length, 4);
    assert.equal(framework.themes.length, 15);
    assert.ok(questions.length >= 40 && questions.length <= 70, `${questions.length} questions`);
    assert.equal(themesOfPillar(framework, 'foundation').length, 3);
    assert.equal(themesOfPillar(framework, 'preconditions').length, 6);
    for (const pillar of pillarIds) assert.ok(themesOfPillar(framework, pillar).length > 0, pillar);
    const used = new Set(questions.map((question) => question.source));
    for (const source of framework.sources) assert.ok(used.has(source.id), `${source.id} is covered`);
    assert.match(framework.hash, /^[0-9a-f]{64}$/);
  });

  it('is loaded once per process beside 2026.2, the latest, with questions found by id', () => {
    assert.deepEqual(listFrameworkVersions(), [shipped, '2026.2']);
    assert.equal(latestFrameworkVersion(), '2026.2');
    const framework = getFramework(shipped);
    assert.equal(getFramework(shipped), framework, 'cached');
    const found = findQuestion(framework, 'ethics.dpia-process');
    assert.equal(found?.theme.id, 'ethics');
    assert.equal(findQuestion(framework, 'ethics.no-such-question'), undefined);
    assert.equal(
      localise(framework.title, 'en'),
      'Digitalisation strategy maturity scan Zuid-Holland and MRDH',
    );
    assert.throws(() => getFramework('1999.1'), FrameworkError);
  });

  it('sorts versions by number, so that 2026.10 comes after 2026.2', () => {
    const contentDir = copyOfShipped('2026.10');
    fs.mkdirSync(path.join(contentDir, '2026.2'));
    assert.deepEqual(listFrameworkVersions(contentDir), ['2026.2', '2026.10']);
  });
});

describe('a broken framework', () => {
  it('names a missing English text', () => {
    const message = brokenBy('themes/ethics.yaml', (doc) => doc.deleteIn(['questions', 2, 'text', 'en']));
    assert.match(message, /themes\/ethics\.yaml: questions\[2\]\.text\.en: English text is missing/);
  });

  it('names a question with four level statements', () => {
    const message = brokenBy('themes/ethics.yaml', (doc) => doc.deleteIn(['questions', 2, 'levels', 4]));
    assert.match(message, /themes\/ethics\.yaml: questions\[2\]\.levels: expected 5 statements, found 4/);
  });

  it('names a duplicate question id, and where the id was first used', () => {
    const message = brokenBy('themes/open-data.yaml', (doc) =>
      doc.setIn(['questions', 1, 'id'], 'ethics.dpia-process'),
    );
    assert.match(
      message,
      /themes\/open-data\.yaml: questions\[1\]\.id: duplicate id "ethics\.dpia-process" \(also themes\/ethics\.yaml: questions\[1\]\.id\)/,
    );
  });

  it('names an unknown source', () => {
    const message = brokenBy('themes/ethics.yaml', (doc) =>
      doc.setIn(['questions', 0, 'source'], 'pillar-five'),
    );
    assert.match(message, /themes\/ethics\.yaml: questions\[0\]\.source: unknown source "pillar-five"/);
  });

  it('names a source that no question uses', () => {
    const message = brokenBy('framework.yaml', (doc) =>
      doc.addIn(['sources'], { id: 'pillar-five', title: { nl: 'Pijler 5', en: 'Pillar 5' } }),
    );
    assert.match(message, /framework\.yaml: sources\[13\]: source "pillar-five" is not used by any question/);
  });

  it('names an unknown societal task in an action', () => {
    const message = brokenBy('themes/ethics.yaml', (doc) =>
      doc.setIn(['actions', '1', 0, 'tasks', 1], 'moon-landing'),
    );
    assert.match(
      message,
      /themes\/ethics\.yaml: actions\["1"\]\[0\]\.tasks\[1\]: unknown societal task "moon-landing"/,
    );
  });

  it('names a theme file that framework.yaml does not list', () => {
    const contentDir = copyOfShipped();
    const themes = path.join(contentDir, shipped, 'themes');
    fs.copyFileSync(path.join(themes, 'ethics.yaml'), path.join(themes, 'ethics-draft.yaml'));
    assert.match(problemsOf(contentDir), /themes\/ethics-draft\.yaml: not listed in framework\.yaml themes/);
  });

  it('names a listed theme without a file', () => {
    const contentDir = copyOfShipped();
    fs.rmSync(path.join(contentDir, shipped, 'themes', 'procurement.yaml'));
    assert.match(problemsOf(contentDir), /framework\.yaml: themes\[14\]: no file themes\/procurement\.yaml/);
  });

  it('names placeholder text', () => {
    const message = brokenBy('themes/ethics.yaml', (doc) => doc.setIn(['questions', 0, 'why', 'nl'], 'TODO'));
    assert.match(message, /themes\/ethics\.yaml: questions\[0\]\.why\.nl: placeholder text "TODO"/);
  });

  it('names a pillar with the wrong number of themes', () => {
    const message = brokenBy('themes/coalitions.yaml', (doc) => doc.set('pillar', 'foundation'));
    assert.match(message, /framework\.yaml: themes: pillar "foundation" has 4 themes, expected 3/);
    assert.match(message, /framework\.yaml: themes: pillar "preconditions" has 5 themes, expected 6/);
  });

  it('lists every problem at once, not only the first', () => {
    const contentDir = copyOfShipped();
    editYaml(contentDir, 'themes/ethics.yaml', (doc) => doc.deleteIn(['questions', 2, 'text', 'en']));
    editYaml(contentDir, 'themes/open-data.yaml', (doc) =>
      doc.setIn(['questions', 0, 'source'], 'pillar-five'),
    );
    editYaml(contentDir, 'framework.yaml', (doc) => doc.setIn(['levels', 1, 'label', 'en'], 'lorem ipsum'));
    const message = problemsOf(contentDir);
    assert.match(message, /^Framework 2026\.1 \(.+\) has 3 problems:/);
    assert.match(message, /ethics\.yaml: questions\[2\]\.text\.en/);
    assert.match(message, /open-data\.yaml: questions\[0\]\.source/);
    assert.match(message, /framework\.yaml: levels\[1\]\.label\.en: placeholder text "lorem"/);
  });
});

describe('registering framework versions', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
    // The template database was prepared like a real start, so it knows the shipped version already.
    await database.db.delete(frameworkVersions);
  });
  after(() => database.close());

  const recorded = () =>
    database.db.select().from(frameworkVersions).where(eq(frameworkVersions.version, shipped));

  it('records each version with its hash, once', async () => {
    const contentDir = copyOfShipped();
    const [first] = await registerFrameworks(database.db, contentDir);
    assert.deepEqual(first, { version: shipped, hash: loadFramework(shipped).hash, isNew: true });
    const [row] = await recorded();
    assert.equal(row?.contentHash, first.hash);
    assert.equal(row.frameworkId, 'zh-mrdh');

    const [again] = await registerFrameworks(database.db, contentDir);
    assert.equal(again?.isNew, false);
    assert.deepEqual(await recorded(), [row]);
  });

  it('refuses a published version that has changed, and accepts the change as a new version', async () => {
    const contentDir = copyOfShipped();
    await registerFrameworks(database.db, contentDir);
    editYaml(contentDir, 'themes/ethics.yaml', (doc) =>
      doc.setIn(['questions', 0, 'why', 'en'], 'A changed text.'),
    );
    await assert.rejects(
      registerFrameworks(database.db, contentDir),
      (error: unknown) =>
        error instanceof FrameworkError &&
        /^Framework version 2026\.1 was published and has changed since \(hash [0-9a-f]{12}≠[0-9a-f]{12}\)\. A published version never changes: put the change in a new version directory, e\.g\. 2026\.2\.$/.test(
          error.message,
        ),
    );

    fs.renameSync(path.join(contentDir, shipped), path.join(contentDir, '2026.2'));
    fs.cpSync(path.join(defaultContentDir, shipped), path.join(contentDir, shipped), { recursive: true });
    const next = path.join(contentDir, '2026.2', 'framework.yaml');
    fs.writeFileSync(next, fs.readFileSync(next, 'utf8').replace('version: "2026.1"', 'version: "2026.2"'));
    const registered = await registerFrameworks(database.db, contentDir);
    assert.deepEqual(
      registered.map((r) => [r.version, r.isNew]),
      [
        ['2026.1', false],
        ['2026.2', true],
      ],
    );
  });
});
