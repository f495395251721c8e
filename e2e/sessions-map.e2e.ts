import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { createProject } from '../src/features/projects/projects.service.ts';
import { createUser, organisationId } from '../src/testing/factories.ts';
import { checkA11y, pressAndLoad, signIn, startJourney, untilLoaded, type Journey } from './harness.ts';

/**
 * A coordinator of the MRDH announces a knowledge session; a Rotterdam colleague registers, gets the
 * confirmation and downloads the calendar file; then finds Rotterdam on the project map with the
 * keyboard, and the table beside the map gives the same numbers.
 */
let journey: Journey;
let coordinator: Page;
let member: Page;
const memberEmail = 'sander.devries@rotterdam.example';

before(async () => {
  journey = await startJourney();
  const { db } = journey;
  await createUser(db, { email: 'yara.koster@mrdh.example', name: 'Yara Koster', coordinates: ['mrdh'] });
  await createUser(db, { email: memberEmail, name: 'Sander de Vries', memberOf: { GM0599: 'editor' } });
  const rotterdam = await organisationId(db, 'GM0599');
  await db.execute(sql`insert into sharing_settings (organisation_id, mode) values (${rotterdam}, 'named')`);
  const base = {
    theme: 'open-data',
    task: 'mobility-transition',
    status: 'running' as const,
    partners: '',
    link: null,
    sourceActionId: null,
  };
  await createProject(
    db,
    rotterdam,
    { ...base, title: 'Open data over de haven', municipalityIds: [rotterdam] },
    null,
  );
  const schiedam = await organisationId(db, 'GM0606');
  await createProject(
    db,
    rotterdam,
    { ...base, title: 'Digitale tweeling Rijnmond', municipalityIds: [rotterdam, schiedam] },
    null,
  );
  coordinator = await journey.newPage();
  await coordinator.goto('/login');
  await signIn(coordinator, 'yara.koster@mrdh.example');
  member = await journey.newPage({ acceptDownloads: true });
  await member.goto('/login');
  await signIn(member, memberEmail);
});

after(async () => {
  await journey?.close();
});

test('a coordinator announces a knowledge session in Dutch time', async () => {
  await coordinator.goto('/networks/mrdh/sessions');
  await checkA11y(coordinator, 'the coordinators’ sessions page');
  await untilLoaded(coordinator, () =>
    coordinator.getByRole('link', { name: 'Kennissessie aankondigen' }).click(),
  );
  await checkA11y(coordinator, 'the form to announce a session');
  await coordinator.getByLabel('Titel').fill('Open data in de metropoolregio');
  await coordinator.getByLabel('Beschrijving').fill('Een werksessie over de **eerste tien** datasets.');
  await coordinator.getByLabel('Datum').fill('2027-03-30');
  await coordinator.getByLabel('Begintijd').fill('14:00');
  await coordinator.getByLabel('Eindtijd').fill('16:00');
  await coordinator.locator('#field-location').fill('MRDH, Westersingel 12, Rotterdam');
  await coordinator.getByLabel('Aantal plaatsen').fill('2');
  await coordinator.getByLabel('Open en gesloten data').check();
  await untilLoaded(coordinator, () => coordinator.getByRole('button', { name: 'Aankondigen' }).click());
  assert.match(await coordinator.locator('main').innerText(), /De kennissessie is aangekondigd/);
  assert.match(await coordinator.locator('main').innerText(), /30 maart 2027 om 14:00/);
  await checkA11y(coordinator, 'the sessions page after announcing');
  await coordinator.goto('/networks/mrdh/opportunities');
  await checkA11y(coordinator, 'the coordinators’ opportunities page');
});

test('a member registers, gets the confirmation mail and downloads the calendar file', async () => {
  await member.goto('/knowledge/sessions');
  await checkA11y(member, 'the knowledge sessions list');
  await untilLoaded(member, () =>
    member.getByRole('link', { name: 'Open data in de metropoolregio' }).click(),
  );
  await checkA11y(member, 'a knowledge session');
  await untilLoaded(member, () => member.getByRole('button', { name: 'Aanmelden' }).click());
  assert.match(await member.locator('main').innerText(), /U bent aangemeld/);
  await checkA11y(member, 'a knowledge session after registering');
  const mail = await journey.receiveMail(memberEmail);
  assert.match(mail.subject, /^Aangemeld: Open data in de metropoolregio/);

  const [download] = await Promise.all([
    member.waitForEvent('download'),
    member.getByRole('link', { name: /Zet in mijn agenda/ }).click(),
  ]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  assert.match(text, /\r\nDTSTART;TZID=Europe\/Amsterdam:20270330T140000\r\n/);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone') ?? undefined);
  const start = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined).startDate.clone();
  start.zone = zone;
  assert.equal(start.toJSDate().toISOString(), '2027-03-30T12:00:00.000Z', 'summer time: 14:00 is 12:00 UTC');
});

/**
 * The focused region of the map and whether its focus is visible: with the map script the browser's
 * ring is replaced by an outline drawn over the map along the focused region's own path.
 */
async function focusedLabel(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { label: '', hasOutline: false };
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const drawn = el.closest('svg')?.querySelector('.rk-map-outline');
    const traced =
      drawn !== null &&
      drawn !== undefined &&
      drawn.getAttribute('visibility') === 'visible' &&
      drawn.getAttribute('d') === el.querySelector('path')?.getAttribute('d') &&
      parseFloat(getComputedStyle(drawn).strokeWidth) >= 2;
    return { label: el.getAttribute('aria-label') ?? '', hasOutline: ring || traced };
  });
}

test('the map is navigated with the keyboard and leads to a municipality’s projects', async () => {
  await member.goto('/knowledge/map');
  await checkA11y(member, 'the project map');
  await member.locator('svg.rk-map a').first().focus();
  let now = await focusedLabel(member);
  for (let i = 0; i < 60 && !now.label.startsWith('Gemeente Rotterdam'); i++) {
    await member.keyboard.press('Tab');
    now = await focusedLabel(member);
  }
  assert.equal(now.label, 'Gemeente Rotterdam: 2 projecten');
  assert.ok(now.hasOutline, 'the focused municipality shows a focus outline');
  await pressAndLoad(member, 'Enter');
  assert.match(member.url(), /\/knowledge\/projects\?municipality=GM0599$/);
  assert.match(await member.locator('main').innerText(), /Digitale tweeling Rijnmond/);
  await checkA11y(member, 'the projects of Rotterdam');
});

test('the table beside the map lists the municipalities with projects, with the map’s numbers', async () => {
  await member.goto('/knowledge/map');
  const fromMap = await member.locator('svg.rk-map a').evaluateAll((links) =>
    links.map(
      (a) =>
        /^Gemeente (.+): (\d+) project(?:en)?$/
          .exec(a.getAttribute('aria-label') ?? '')
          ?.slice(1)
          .join('=') ?? '',
    ),
  );
  const fromTable = await member
    .locator('table tbody tr')
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.querySelector('th')?.textContent?.trim() ?? ''}=${r.querySelector('td')?.textContent?.trim() ?? ''}`,
      ),
    );
  assert.equal(fromMap.length, 50);
  assert.deepEqual(
    fromMap.filter((entry) => !entry.endsWith('=0')),
    fromTable,
    'the table lists every municipality with projects, and only those',
  );
  assert.ok(fromTable.includes('Schiedam=1'));
});

test('the knowledge landing page and the organisation’s projects and opportunities pages pass axe', async () => {
  for (const url of [
    '/knowledge',
    '/o/GM0599/projects',
    '/o/GM0599/projects/new',
    '/o/GM0599/opportunities',
  ]) {
    await member.goto(url);
    await checkA11y(member, url);
  }
});
