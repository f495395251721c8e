import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { peerScans, submittedScan } from '../src/features/documents/documents.fixtures.ts';
import { documentTasks } from '../src/features/documents/documents.service.ts';
import { readDocx, readPdf } from '../src/features/documents/document-reading.fixtures.ts';
import { createStrategyForTest } from '../src/features/strategy/strategy-builders.fixtures.ts';
import { organisationId } from '../src/testing/factories.ts';
import { checkA11y, signIn, startJourney, untilLoaded, type Journey } from './harness.ts';

/**
 * A Rotterdam editor prepares the management meeting and the council: from the scan results she
 * makes the results as a PDF (the page says it is working), downloads it; then the strategy document
 * in Word, which fails once (a clear message and a retry button) and works the second time.
 */
let journey: Journey;
let page: Page;
let scanId: number;

before(async () => {
  journey = await startJourney();
  await peerScans(journey.db);
  const made = await submittedScan(journey.db, 'GM0599');
  scanId = made.scanId;
  await createStrategyForTest(journey.db, await organisationId(journey.db, 'GM0599'), { actions: 10 });
  page = await journey.newPage({ acceptDownloads: true });
  await page.goto('/login');
  await signIn(page, made.editor.email);
});

after(async () => {
  await journey?.close();
});

/** Clicks the download link and returns the file's bytes. */
async function download(name: RegExp): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).first().click(),
  ]);
  const path = await file.path();
  return fs.readFile(path);
}

test('the scan results lead to the document page, where the PDF is made with a progress message', async () => {
  await page.goto(`/o/GM0599/scans/${scanId}/results`);
  await checkA11y(page, 'the scan results page');
  await untilLoaded(page, () => page.getByRole('link', { name: /Resultaten als document/ }).click());
  assert.match(await page.locator('h1').innerText(), /Document van de zelfscan/);
  await checkA11y(page, 'the scan-results document page');
  // The page's working state lasts only until the next page arrives, and the browser cannot be asked
  // about a page that is navigating away (an evaluate then may never return). So a listener added
  // after the page's own one notes the state in sessionStorage, which the next page can read; the
  // request is slowed a little so that the note is written while the page is still shown.
  await page.evaluate(() => {
    const form = document.querySelector('form[data-document-export]');
    form?.addEventListener('submit', () => {
      // After the page's own zero-delay timer, which disables the button.
      setTimeout(() => {
        const button = form.querySelector<HTMLButtonElement>('button');
        const seen = {
          status: form.querySelector('[data-export-status]')?.textContent ?? '',
          isDisabled: button?.disabled,
          ariaDisabled: button?.getAttribute('aria-disabled'),
        };
        sessionStorage.setItem('seen-on-submit', JSON.stringify(seen));
      }, 0);
    });
  });
  await page.route('**/documents', async (route) => {
    if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.getByLabel('PDF', { exact: true }).check();
  await page.getByRole('button', { name: 'Document maken' }).click();
  await page.waitForURL(/\?made=\d+$/);
  await page.unroute('**/documents');
  const seen: unknown = await page.evaluate(() => sessionStorage.getItem('seen-on-submit'));
  assert.equal(typeof seen, 'string', 'the page noted its state on submit');
  assert.deepEqual(JSON.parse(String(seen)), {
    status: 'Document wordt gemaakt…',
    isDisabled: true,
    ariaDisabled: 'true',
  });
  assert.match(await page.locator('main').innerText(), /Versie 1 \(PDF\) is gemaakt/);
  await checkA11y(page, 'the document page with the new version');
  const pdf = await readPdf(await download(/Downloaden: PDF, versie 1/));
  assert.equal(pdf.info.Tagged, 'yes');
  assert.equal(pdf.info.Title, 'Resultaten zelfscan digitalisering 2026');
  assert.equal(pdf.rendered, Number(pdf.info.Pages));
});

test('a failed strategy export says so in Dutch with a retry button, and the retry makes the Word file', async () => {
  await page.goto('/o/GM0599/documents');
  await checkA11y(page, 'the documents page');
  await untilLoaded(page, () => page.getByRole('link', { name: 'Strategiedocument maken' }).click());
  await checkA11y(page, 'the strategy document page');
  await page.getByLabel('Word (DOCX)').check();
  const working = documentTasks.build;
  documentTasks.build = { ...working, name: 'missingRenderer' };
  try {
    await untilLoaded(page, () => page.getByRole('button', { name: 'Document maken' }).click());
  } finally {
    documentTasks.build = working;
  }
  assert.match(await page.getByRole('alert').innerText(), /Het document kon niet worden gemaakt/);
  assert.ok(await page.getByLabel('Word (DOCX)').isChecked(), 'the choice is kept');
  await checkA11y(page, 'the strategy document page after a failure');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Opnieuw proberen' }).click());
  assert.match(await page.locator('main').innerText(), /Versie 1 \(Word \(DOCX\)\) is gemaakt/);
  const docx = await readDocx(await download(/Downloaden: Word \(DOCX\), versie 1/));
  assert.match(docx.document, /<w:pStyle w:val="Heading1"\/>/);
  assert.match(docx.document, /<w:tblHeader\/>/);
  await page.goto('/o/GM0599/documents');
  assert.equal(await page.getByRole('link', { name: /^Downloaden: .*, versie 1$/ }).count(), 2);
  await checkA11y(page, 'the documents page with both versions');
});
