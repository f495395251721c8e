import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultContentDir, loadFramework } from './index.ts';

/**
 * Every addition (aanvulling) to the handreiking names its publisher and links to it on that
 * publisher's own domain, so a reader can check the source. The machine that runs the tests has no
 * internet: this checks the address, not that the page is there.
 */
const officialDomains: Record<string, readonly string[]> = {
  'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties': [
    'rijksoverheid.nl',
    'overheid.nl',
    'digitaleoverheid.nl',
    'bio-overheid.nl',
  ],
  'Rijk, IPO, VNG en Unie van Waterschappen': ['realisatieibds.nl', 'digitaleoverheid.nl'],
  'Europese Unie': ['eur-lex.europa.eu', 'europa.eu'],
  VNG: ['vng.nl', 'gemmaonline.nl', 'informatiebeveiligingsdienst.nl'],
  Rijksoverheid: ['rijksoverheid.nl', 'overheid.nl', 'iplo.nl'],
};

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

const framework = loadFramework('2026.2', defaultContentDir);
const additions = new Map(framework.sources.filter((s) => s.kind === 'aanvulling').map((s) => [s.id, s]));

describe('the additions to the handreiking in framework 2026.2', () => {
  it('are asked about: at least one question rests on an addition', () => {
    const used = framework.themes.flatMap((t) => t.questions).filter((q) => additions.has(q.source));
    assert.ok(used.length >= additions.size, `${used.length} questions on ${additions.size} additions`);
  });

  for (const question of framework.themes.flatMap((t) => t.questions)) {
    const source = additions.get(question.source);
    if (!source) continue;
    it(`${question.id}: its source ${source.id} is named and linked on its publisher's domain`, () => {
      assert.ok(source.publisher?.trim(), 'a publisher is named');
      assert.ok(source.title.nl.trim() && source.title.en.trim(), 'a title in both languages');
      const url = new URL(source.url ?? '');
      assert.equal(url.protocol, 'https:');
      // A source published jointly names its publishers separated by "; ": the link is on one of them.
      const publishers = (source.publisher ?? '').split(';').map((p) => p.trim());
      const domains = publishers.flatMap((p) => officialDomains[p] ?? []);
      assert.ok(domains.length > 0, `no official domains known for ${source.publisher}`);
      assert.ok(
        domains.some((d) => onDomain(url.hostname, d)),
        `${url.hostname} is not a domain of ${source.publisher}`,
      );
    });
  }

  it('tells a look-alike domain from the publisher’s own', () => {
    assert.ok(onDomain('www.rijksoverheid.nl', 'rijksoverheid.nl'));
    assert.ok(!onDomain('rijksoverheid.nl.example.com', 'rijksoverheid.nl'));
    assert.ok(!onDomain('notrijksoverheid.nl', 'rijksoverheid.nl'));
  });
});
