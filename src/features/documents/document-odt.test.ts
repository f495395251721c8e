import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { renderOdt } from './document-odt.ts';
import { sampleDocument } from './document-sample.fixtures.ts';
import { count } from './document-reading.fixtures.ts';
import type { DocumentModel } from './document.model.ts';

/** The ODT read back as a zip of XML parts (LibreOffice opens it in document-libreoffice.test.ts). */
describe('the ODT renderer', () => {
  let bytes: Buffer;
  let zip: JSZip;
  let content: string;
  let styles: string;
  const model: DocumentModel = {
    ...sampleDocument({ actions: 20 }),
    title: 'Strategie <2026> & “verder”',
  };
  before(async () => {
    bytes = await renderOdt(model);
    zip = await JSZip.loadAsync(bytes);
    content = (await zip.file('content.xml')?.async('string')) ?? '';
    styles = (await zip.file('styles.xml')?.async('string')) ?? '';
  });

  it('starts with its media type, stored uncompressed, so that it is recognised by its first bytes', async () => {
    assert.equal(bytes.subarray(30, 38).toString('ascii'), 'mimetype');
    assert.equal(bytes.readUInt16LE(8), 0, 'stored');
    assert.equal(bytes.subarray(38, 77).toString('ascii'), 'application/vnd.oasis.opendocument.text');
    const manifest = (await zip.file('META-INF/manifest.xml')?.async('string')) ?? '';
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('Pictures/')))
      assert.match(manifest, new RegExp(`manifest:full-path="${name}" manifest:media-type="image/png"`));
  });

  it('writes headings with outline levels, real tables with a header row, lists, and images with a description', () => {
    assert.equal(count(content, /<text:h text:style-name="Heading_20_1[^"]*" text:outline-level="1">/), 4);
    assert.equal(count(content, /<text:h text:style-name="Heading_20_2" text:outline-level="2">/), 4);
    assert.equal(count(content, /<table:table /), 4);
    assert.equal(count(content, /<table:table-header-rows>/), 4);
    assert.match(content, /<text:list text:style-name="Bullets"><text:list-item>/);
    assert.match(
      content,
      /<draw:frame [^>]*svg:width="14cm" svg:height="[\d.]+cm"><draw:image xlink:href="Pictures\/image1\.png"/,
    );
    assert.match(content, /<svg:desc>Radardiagram: huidig niveau en doelniveau per thema\.<\/svg:desc>/);
    assert.match(content, /Table_20_Contents_Right/, 'numbers align right');
  });

  it('escapes text, and names the language, the title and the footer with page numbers', async () => {
    const meta = (await zip.file('meta.xml')?.async('string')) ?? '';
    assert.match(meta, /<dc:title>Strategie &lt;2026&gt; &amp; “verder”<\/dc:title>/);
    assert.match(meta, /<dc:language>nl-NL<\/dc:language>/);
    assert.match(styles, /fo:language="nl" fo:country="NL"/);
    assert.match(styles, /Gemeente Voorbeeld · versie 1<text:tab\/>Pagina <text:page-number/);
    assert.match(
      styles,
      /<style:master-page style:name="Title" style:page-layout-name="pm1"/,
      'no footer on the title page',
    );
  });
});
