import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import {
  checkMappings,
  comparableQuestions,
  defaultContentDir,
  FrameworkError,
  loadFramework,
  mappingProblems,
  type Framework,
} from './index.ts';

/** Framework 2026.2 and its mapping from 2026.1: the fixes of issue #19. */
const next = '2026.2';
const nextDir = defaultContentDir;
const previous = loadFramework('2026.1');
const framework = loadFramework(next, nextDir);
const tempDirs: string[] = [];
after(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const questions = (f: Framework) => f.themes.flatMap((theme) => theme.questions);
const actions = (f: Framework) => f.themes.flatMap((theme) => Object.values(theme.actions).flat());
const statements = (f: Framework) =>
  questions(f).flatMap((question) => question.levels.map((level) => ({ id: question.id, ...level })));

describe('framework 2026.2', () => {
  it('loads beside an unchanged 2026.1, with 40 to 70 questions', () => {
    const count = questions(framework).length;
    assert.ok(count >= 40 && count <= 70, `${count} questions`);
    assert.ok(count > questions(previous).length, 'the added frameworks are questions');
    const trace = fs.readFileSync(
      path.resolve(defaultContentDir, '../../docs/framework-2026.1-trace.md'),
      'utf8',
    );
    assert.ok(trace.includes(previous.hash), '2026.1 has the hash it was published with');
    const nextTrace = fs.readFileSync(
      path.resolve(defaultContentDir, '../../docs/framework-2026.2-trace.md'),
      'utf8',
    );
    assert.ok(nextTrace.includes(framework.hash), 'the 2026.2 trace was generated from these files');
    assert.match(nextTrace, /## Additions to the handreiking/);
  });

  it('says of every source whether it is the handreiking or a named, linked addition', () => {
    for (const source of framework.sources) {
      assert.ok(source.kind === 'handreiking' || source.kind === 'aanvulling', source.id);
      if (source.kind === 'aanvulling') {
        assert.match(source.url ?? '', /^https:\/\//, source.id);
        assert.ok(source.publisher, source.id);
      }
    }
    const additions = new Set(framework.sources.filter((s) => s.kind === 'aanvulling').map((s) => s.id));
    for (const id of [
      'ai-act',
      'data-act',
      'bio2-cyberbeveiligingswet',
      'woo-archiefwet',
      'omgevingswet-dso',
    ])
      assert.ok(additions.has(id), id);
    const sourceOf = new Map(questions(framework).map((q) => [q.id, q.source]));
    assert.equal(sourceOf.get('ethics.algorithm-register'), 'algorithm-register');
    assert.equal(sourceOf.get('vng-principles.information-security'), 'bio2-cyberbeveiligingswet');
  });

  it('counts no technology as maturity and lets no level depend on others adopting', () => {
    for (const { id, nl, en } of statements(framework)) {
      assert.doesNotMatch(nl, /digital twin|real-time|voorspellende/i, id);
      assert.doesNotMatch(
        nl,
        /die (ze|haar|het) (overnemen|hergebruiken|gebruiken)\.|door andere gemeenten hergebruikt/,
        id,
      );
      assert.doesNotMatch(en, /which (adopt|reuse|use) (it|them)\./, id);
    }
    assert.doesNotMatch(framework.levels[4]?.description.nl ?? '', /overnemen/);
  });

  it('says the preconditions are among others, not "the six"', () => {
    const preconditions = framework.pillars.find((p) => p.id === 'preconditions');
    assert.match(preconditions?.description.nl ?? '', /onder meer/);
    assert.doesNotMatch(preconditions?.description.nl ?? '', /zes randvoorwaarden/i);
  });

  it('knows what each societal task needs, which tasks are generic, and which advice is MRDH only', () => {
    const themeIds = new Set(framework.themes.map((t) => t.id));
    for (const task of framework.societalTasks) {
      assert.ok((task.needs ?? []).length > 0, `${task.id} has needs`);
      for (const need of task.needs ?? []) assert.ok(themeIds.has(need.theme), need.theme);
    }
    const generic = framework.societalTasks.filter((t) => t.generic).map((t) => t.id);
    assert.ok(generic.includes('service-delivery'));
    for (const id of ['climate-adaptation', 'grid-congestion', 'housing'])
      assert.ok(
        framework.societalTasks.some((t) => t.id === id),
        id,
      );
    const onlyGeneric = actions(framework).filter((a) => a.tasks.every((t) => generic.includes(t)));
    assert.ok(onlyGeneric.length < actions(framework).length / 2, `${onlyGeneric.length} generic-only`);
    const mrdhText = actions(framework).filter((a) => /MRDH-regio/.test(a.title.nl));
    assert.ok(mrdhText.length > 0);
    for (const action of mrdhText) assert.deepEqual(action.networks, ['mrdh'], action.id);
    const security = actions(framework).filter((a) => /CISO|BIO/.test(a.title.nl));
    for (const action of security) assert.ok(!action.tasks.includes('safe-living-environment'), action.id);
  });
});

describe('the mapping from 2026.1', () => {
  const mapping = framework.mapping;

  it('covers every 2026.1 question and points only at 2026.2 questions', () => {
    assert.ok(mapping);
    assert.equal(mapping.from, '2026.1');
    assert.deepEqual(mappingProblems(mapping, previous, framework), []);
    for (const question of questions(previous)) assert.ok(mapping.questions[question.id], question.id);
    const ids = new Set(questions(framework).map((q) => q.id));
    for (const entry of Object.values(mapping.questions))
      for (const to of entry.to ?? []) assert.ok(ids.has(to), to);
  });

  it('names an unmapped question, a target that does not exist and a question neither mapped nor new', () => {
    assert.ok(mapping);
    const { 'ethics.dpia-process': dropped, ...rest } = mapping.questions;
    assert.ok(dropped);
    const broken = {
      ...mapping,
      questions: { ...rest, 'ethics.normative-framework': { kind: 'same' as const, to: ['ethics.gone'] } },
    };
    const problems = mappingProblems(broken, previous, framework);
    assert.ok(problems.includes('2026.1 question "ethics.dpia-process" is not mapped'), problems.join('\n'));
    assert.ok(
      problems.includes('"ethics.normative-framework" points at "ethics.gone", not a question of 2026.2'),
    );
    assert.ok(
      problems.includes('2026.2 question "ethics.dpia-process" is neither mapped to nor listed as new'),
    );
    assert.throws(() => checkMappings([previous, { ...framework, mapping: broken }]), FrameworkError);
  });

  it('refuses a mapping file that names another version than its file name', () => {
    const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'routekaart-mapping-'));
    tempDirs.push(contentDir);
    fs.cpSync(path.join(nextDir, next), path.join(contentDir, next), { recursive: true });
    const file = path.join(contentDir, next, 'mapping-from-2026.1.yaml');
    const doc = parseDocument(fs.readFileSync(file, 'utf8'));
    doc.set('from', '2025.9');
    fs.writeFileSync(file, doc.toString());
    assert.throws(
      () => loadFramework(next, contentDir),
      (error: unknown) =>
        error instanceof FrameworkError && /"2025\.9" differs from the file name/.test(error.message),
    );
  });

  it('compares the two versions on the same and reworded questions only', () => {
    assert.ok(mapping);
    const forward = comparableQuestions(framework, previous);
    const backward = comparableQuestions(previous, framework);
    assert.ok(forward && backward);
    const carried = Object.values(mapping.questions).filter(
      (e) => e.kind === 'same' || e.kind === 'reworded',
    );
    assert.equal(forward.size, carried.length);
    assert.equal(
      forward.get('services-and-innovation.living-environment-data'),
      'services-and-innovation.digital-twin',
    );
    assert.equal(
      backward.get('services-and-innovation.digital-twin'),
      'services-and-innovation.living-environment-data',
    );
    assert.equal(backward.get('digital-strategy.maturity-monitoring'), undefined, 'removed: not comparable');
    assert.equal(forward.get('ethics.ai-act'), undefined, 'new: not comparable');
    assert.equal(comparableQuestions(previous, previous)?.size, questions(previous).length);
  });
});
