import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { getFramework, latestFrameworkVersion, localise } from '../src/features/framework/index.ts';
import { createUser, testPassword } from '../src/testing/factories.ts';
import {
  checkA11y,
  checkA11yWithoutScripts,
  focused,
  hasVisibleFocus,
  linkIn,
  pressAndLoad,
  signIn,
  startJourney,
  tabTo,
  textOf,
  untilLoaded,
  type Journey,
} from './harness.ts';

/**
 * The maturity scan of Rotterdam: Anna starts it with the keyboard alone for herself, Bart and Chris;
 * each answers the first theme (Anna with save-as-you-go, Bart without JavaScript, Chris "weet ik niet");
 * Anna records agreed answers where they differ, submits the scan and reads the results.
 */
let journey: Journey;
let anna: Page;
let people: Record<'anna' | 'bart' | 'chris', { id: number; name: string; email: string }>;
let scanPath: string;

const framework = getFramework(latestFrameworkVersion());
const totalQuestions = framework.themes.reduce((n, t) => n + t.questions.length, 0);
const firstTheme = framework.themes[0];
assert.ok(firstTheme && firstTheme.questions.length >= 4, 'the first theme has four questions or more');
const theme = firstTheme;
const themeTitle = localise(theme.title, 'nl');
const questions = theme.questions.slice(0, 4).map((q) => q.id);
/** The levels each person chooses per question of the first theme (index = question). */
const annaLevels = [3, 2, 4, 1];
const bartLevels = [1, 5, 3, 2];
/** Chris answers one question only: "Weet ik niet". */
const chrisUnknown = 2;
/** The agreed answers Anna records: one per question where Anna and Bart are two levels or more apart. */
const agreed = new Map([
  [0, 2],
  [1, 4],
]);

const slug = (questionId: string) => questionId.replace(/\./g, '-');
const radio = (i: number, value: number | string) => `#q-${slug(questions[i] ?? '')}-r-${value}`;
const section = (page: Page, i: number) => page.locator(`#q-${slug(questions[i] ?? '')}-section`);

/** Agreed answer where recorded, otherwise the lower median of the levels; "weet ik niet" does not count. */
function expectedThemeScore(): string {
  const counted = questions.flatMap((_, i) => {
    const chosen = agreed.get(i);
    if (chosen !== undefined) return [chosen];
    const given = [annaLevels[i], bartLevels[i], i === chrisUnknown ? 'unknown' : undefined];
    const sorted = given.flatMap((l) => (typeof l === 'number' ? [l] : [])).sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    return median === undefined ? [] : [median];
  });
  const mean = Math.round((counted.reduce((a, b) => a + b, 0) / counted.length) * 100) / 100;
  return mean.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
}

before(async () => {
  journey = await startJourney();
  const make = (name: string, role: 'admin' | 'editor') =>
    createUser(journey.db, { name, memberOf: { GM0599: role } });
  people = {
    anna: await make('Anna Jansen', 'admin'),
    bart: await make('Bart de Boer', 'editor'),
    chris: await make('Chris Smit', 'editor'),
  };
  anna = await journey.newPage();
});

after(async () => {
  await journey?.close();
});

/** Tabs to a control, checks that it shows its focus and returns what has focus. */
async function tabToVisible(page: Page, description: string, predicate: Parameters<typeof tabTo>[2]) {
  const now = await tabTo(page, description, predicate, 60);
  assert.ok(await hasVisibleFocus(page), `${description} shows a focus indicator`);
  return now;
}

/** A respondent opens the link from the invitation mail and signs in in their own browser. */
async function openInvitation(email: string, javaScriptEnabled: boolean): Promise<Page> {
  const mail = await journey.receiveMail(email);
  assert.equal(mail.subject, 'Vul de zelfscan “Nulmeting 2026” in');
  const page = await journey.newPage({ javaScriptEnabled });
  await page.goto(linkIn(mail, journey.baseUrl, `${scanPath}/answer`));
  await signIn(page, email);
  assert.equal(new URL(page.url()).pathname, `${scanPath}/answer/${theme.id}`);
  assert.equal(await textOf(page, 'h1'), themeTitle);
  return page;
}

test('Anna signs in and starts a scan for three respondents with the keyboard alone', async () => {
  await anna.goto('/o/GM0599/scans');
  assert.equal(new URL(anna.url()).pathname, '/login');
  await tabToVisible(anna, 'the e-mail field', (f) => f.id === 'field-email');
  await anna.keyboard.type(people.anna.email);
  await tabToVisible(anna, 'the password field', (f) => f.id === 'field-password');
  await anna.keyboard.type(testPassword);
  await pressAndLoad(anna, 'Enter');
  assert.equal(new URL(anna.url()).pathname, '/o/GM0599/scans');
  assert.equal(await textOf(anna, 'h1'), 'Zelfscans van Rotterdam');
  await checkA11y(anna, 'the empty scan list');

  await tabToVisible(anna, 'the start link', (f) => f.text === 'Nieuwe zelfscan starten');
  await pressAndLoad(anna, 'Enter');
  assert.equal(await textOf(anna, 'h1'), 'Nieuwe zelfscan');
  await checkA11y(anna, 'the new-scan form');

  await tabToVisible(anna, 'the title field', (f) => f.id === 'field-title');
  await anna.keyboard.type('Nulmeting 2026');
  await tabToVisible(anna, 'the year field', (f) => f.id === 'field-period');
  await anna.keyboard.press('ControlOrMeta+A');
  await anna.keyboard.type('2026');
  await tabToVisible(anna, 'the framework version', (f) => f.id === 'field-frameworkVersion');
  for (const person of [people.anna, people.bart, people.chris]) {
    const id = `respondent-${person.id}`;
    await tabToVisible(anna, `the checkbox of ${person.name}`, (f) => f.id === id);
    // The one who starts the scan is ticked already: Space would untick her.
    if (!(await anna.locator(`#${id}`).isChecked())) await anna.keyboard.press('Space');
    assert.ok(await anna.locator(`#${id}`).isChecked(), `${person.name} is a respondent`);
  }
  await tabToVisible(anna, 'the start button', (f) => f.tag === 'button' && f.text === 'Scan starten');
  await pressAndLoad(anna, 'Enter');

  scanPath = new URL(anna.url()).pathname;
  assert.match(scanPath, /^\/o\/GM0599\/scans\/\d+$/);
  assert.equal(await textOf(anna, 'h1'), 'Nulmeting 2026');
  assert.match(await textOf(anna, 'main'), /Concept 2026/);
  const progress = anna.getByRole('table', { name: 'Beantwoorde vragen per invuller' });
  assert.deepEqual(await progress.locator('tbody th').allInnerTexts(), [
    people.anna.name,
    people.bart.name,
    people.chris.name,
  ]);
  await checkA11y(anna, 'the scan overview');
});

test('Anna answers the first theme with JavaScript: each choice saves itself and survives a reload', async () => {
  await untilLoaded(anna, () => anna.getByRole('link', { name: 'Vul de scan in' }).click());
  assert.equal(new URL(anna.url()).pathname, `${scanPath}/answer/${theme.id}`);
  await checkA11y(anna, 'the answer page (JavaScript on)');

  await anna.locator(radio(0, annaLevels[0] ?? 0)).check();
  // With the keyboard: Tab into the next group (its first level gets focus), an arrow key chooses.
  await tabToVisible(anna, 'the first level of question 2', (f) => f.id === radio(1, 1).slice(1));
  for (let level = 1; level < (annaLevels[1] ?? 1); level++) await anna.keyboard.press('ArrowDown');
  assert.equal((await focused(anna)).id, radio(1, annaLevels[1] ?? 0).slice(1));
  assert.ok(await hasVisibleFocus(anna), 'the chosen level shows a focus indicator');
  await anna.locator(radio(2, annaLevels[2] ?? 0)).check();
  await anna.locator(radio(3, annaLevels[3] ?? 0)).check();
  for (let i = 0; i < questions.length; i++) {
    await section(anna, i).getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
  }
  assert.equal(new URL(anna.url()).search, '', 'nothing was submitted: the page did not change');
  assert.equal(await anna.locator('.utrecht-alert--ok').count(), 0);

  await anna.reload();
  for (let i = 0; i < questions.length; i++) {
    assert.ok(await anna.locator(radio(i, annaLevels[i] ?? 0)).isChecked(), `question ${i + 1} kept`);
  }
  assert.match(await textOf(anna, 'main'), /4 van 4 vragen beantwoord/);
});

test('Bart answers the first theme without JavaScript and saves with the button', async () => {
  const bart = await openInvitation(people.bart.email, false);
  await checkA11yWithoutScripts(bart, 'the answer page (JavaScript off)');
  assert.match(await textOf(bart, 'main'), /0 van 4 vragen beantwoord/);
  for (let i = 0; i < questions.length; i++) await bart.locator(radio(i, bartLevels[i] ?? 0)).check();
  await untilLoaded(bart, () => bart.getByRole('button', { name: 'Opslaan', exact: true }).click());
  assert.equal(new URL(bart.url()).search, '?saved=1');
  assert.equal(await textOf(bart, '.utrecht-alert--ok'), 'Uw antwoorden zijn opgeslagen.');
  assert.match(
    await textOf(bart, 'main'),
    new RegExp(`Totaal: 4 van ${totalQuestions} vragen beantwoord · 4 van 4 vragen beantwoord`),
  );
  for (let i = 0; i < questions.length; i++) {
    assert.ok(await bart.locator(radio(i, bartLevels[i] ?? 0)).isChecked(), `question ${i + 1} kept`);
  }
  await checkA11yWithoutScripts(bart, 'the answer page after saving (JavaScript off)');
});

test('Chris answers one question with "Weet ik niet"', async () => {
  const chris = await openInvitation(people.chris.email, true);
  await chris.locator(radio(chrisUnknown, 'unknown')).check();
  await section(chris, chrisUnknown).getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
  await chris.reload();
  assert.ok(await chris.locator(radio(chrisUnknown, 'unknown')).isChecked());
  assert.match(await textOf(chris, 'main'), /1 van 4 vragen beantwoord/);
});

test('Anna sees the disagreements on the agenda and records an agreed answer for each', async () => {
  await anna.goto(scanPath);
  const progress = anna.getByRole('table', { name: 'Beantwoorde vragen per invuller' });
  assert.deepEqual(
    (await progress.locator('tbody td').allInnerTexts()).map((text) => text.trim()),
    [4, 4, 1].map((n) => `${n} / ${totalQuestions}`),
  );
  await untilLoaded(anna, () =>
    anna.getByRole('link', { name: 'Verschillen bespreken en vastleggen' }).click(),
  );
  assert.equal(new URL(anna.url()).pathname, `${scanPath}/consensus/${theme.id}`);
  const disagreements = questions.flatMap((_, i) =>
    Math.abs((annaLevels[i] ?? 0) - (bartLevels[i] ?? 0)) >= 2 ? [i] : [],
  );
  assert.deepEqual(disagreements, [...agreed.keys()], 'an agreed answer is planned for each disagreement');
  const agenda = anna.getByRole('region', { name: /^Agenda/ });
  assert.equal(
    await textOf(anna, '#agenda-heading'),
    `Agenda: ${disagreements.length} vragen met grote verschillen`,
  );
  const items = await agenda.getByRole('listitem').allInnerTexts();
  assert.deepEqual(
    items.map((text) => /\(Groot verschil: (\d) niveaus\)$/.exec(text)?.[1]),
    disagreements.map((i) => String(Math.abs((annaLevels[i] ?? 0) - (bartLevels[i] ?? 0)))),
  );
  await checkA11y(anna, 'the consensus page');

  for (const i of disagreements) {
    const questionId = questions[i] ?? '';
    const level = agreed.get(i) ?? 1;
    const text = localise(theme.questions[i]?.text ?? { nl: '', en: '' }, 'nl');
    await tabToVisible(anna, `the agenda link of question ${i + 1}`, (f) => f.text === text);
    await anna.keyboard.press('Enter');
    await anna.waitForURL((url) => url.hash === `#${questionId}`);
    // The first level gets focus when none is chosen; each arrow key moves to (and chooses) the next.
    const first = `c-${slug(questionId)}-1`;
    await tabToVisible(anna, `the first level of question ${i + 1}`, (f) => f.id === first);
    for (let n = 1; n < level; n++) await anna.keyboard.press('ArrowRight');
    assert.equal((await focused(anna)).id, `c-${slug(questionId)}-${level}`);
    assert.ok(await anna.locator(`#c-${slug(questionId)}-${level}`).isChecked());
    await tabToVisible(anna, 'the save button', (f) => f.text === 'Gezamenlijk antwoord vastleggen');
    await pressAndLoad(anna, 'Enter');
    assert.equal(await textOf(anna, '.utrecht-alert--ok'), 'Het gezamenlijke antwoord is vastgelegd.');
    const label = localise(framework.levels[level - 1]?.label ?? { nl: '', en: '' }, 'nl');
    assert.match(
      await textOf(anna, `[id="${questionId}"]`),
      new RegExp(`Gezamenlijk antwoord: ${level} · ${label} \\(${people.anna.name}\\)`),
    );
  }
  assert.equal(await textOf(anna, '#agenda-heading'), 'Er zijn geen vragen met grote verschillen.');
  await checkA11y(anna, 'the consensus page after recording the agreed answers');
});

test('Anna submits the scan and reads the results: chart, table and the expected score', async () => {
  await anna.goto(scanPath);
  await untilLoaded(anna, () => anna.getByRole('button', { name: 'Scan vaststellen' }).click());
  assert.equal(new URL(anna.url()).pathname, `${scanPath}/results`);
  assert.equal(
    await textOf(anna, '.utrecht-alert--ok'),
    'De scan is vastgesteld. De resultaten staan hieronder.',
  );

  const radar = anna.getByRole('img', { name: /^Volwassenheid per thema/ });
  assert.equal(await radar.count(), 1, 'one radar chart with an accessible name');
  assert.equal(await radar.evaluate((el) => el.tagName.toLowerCase()), 'svg');
  const table = anna.getByRole('table', { name: /^Scores per thema/ });
  assert.equal(await table.count(), 1);
  const row = table.getByRole('row').filter({ has: anna.getByRole('rowheader', { name: themeTitle }) });
  const cells = await row.getByRole('cell').allInnerTexts();
  const expected = expectedThemeScore();
  assert.equal(cells[1], expected, `the score of "${themeTitle}"`);
  assert.equal(cells[4], `4/${theme.questions.length}`);
  assert.match(
    await textOf(anna, '.utrecht-paragraph--lead'),
    new RegExp(`Gemiddeld niveau: ${expected} \\(4 van ${totalQuestions} vragen beantwoord\\)`),
  );
  await checkA11y(anna, 'the results page');

  await anna.setViewportSize({ width: 1280, height: 800 });
  const { scrollWidth, clientWidth } = await anna.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  assert.ok(
    scrollWidth <= clientWidth + 1,
    `no horizontal scroll at 1280px: ${scrollWidth} > ${clientWidth}`,
  );

  await anna.goto('/o/GM0599/scans');
  const listed = anna.getByRole('table', { name: 'Zelfscans' }).locator('tbody tr');
  assert.deepEqual((await listed.locator('th, td').allInnerTexts()).map((text) => text.trim()).slice(0, 4), [
    'Nulmeting 2026',
    '2026',
    'Vastgesteld',
    '3',
  ]);
  await checkA11y(anna, 'the scan list with a submitted scan');
});
