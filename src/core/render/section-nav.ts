import type { Role } from '../auth/auth.tables.ts';
import { coreMessage } from '../i18n/core.messages.ts';
import type { Locale } from '../i18n/i18n.ts';
import { html, type SafeHtml } from './html.ts';

/** The organisation whose pages are shown, with the caller's role in it. */
export interface CurrentOrganisation {
  code: string;
  displayName: string;
  role: Role;
}

type SectionKey =
  | 'dashboard'
  | 'scan'
  | 'benchmark'
  | 'strategy'
  | 'roadmap'
  | 'documents'
  | 'registers'
  | 'knowledge'
  | 'brigade'
  | 'team'
  | 'settings';

/** Each section: its key, the path under /o/{code}, and the first path segments that belong to it. */
const sections: { key: SectionKey; path: string; owns: string[] }[] = [
  { key: 'dashboard', path: '', owns: [''] },
  { key: 'scan', path: '/scans', owns: ['scans'] },
  { key: 'benchmark', path: '/benchmark', owns: ['benchmark'] },
  { key: 'strategy', path: '/strategy', owns: ['strategy'] },
  { key: 'roadmap', path: '/strategy/roadmap', owns: ['strategy/roadmap'] },
  { key: 'documents', path: '/documents', owns: ['documents'] },
  { key: 'registers', path: '/registers', owns: ['registers'] },
  { key: 'knowledge', path: '/practices', owns: ['practices', 'projects', 'opportunities'] },
  { key: 'brigade', path: '/brigade', owns: ['brigade'] },
  { key: 'team', path: '/members', owns: ['members'] },
  { key: 'settings', path: '/sharing', owns: ['sharing', 'api-tokens'] },
];

/** The section a path under /o/{code} belongs to; the longest matching prefix wins (roadmap before strategy). */
export function sectionOf(code: string, path: string): SectionKey | undefined {
  const prefix = `/o/${code}`;
  const pathname = path.split(/[?#]/)[0] ?? '';
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  const rest = pathname.slice(prefix.length + 1).replace(/\/$/, '');
  let best: { key: SectionKey; length: number } | undefined;
  for (const section of sections)
    for (const owned of section.owns) {
      const matches = owned === '' ? rest === '' : rest === owned || rest.startsWith(`${owned}/`);
      if (matches && (!best || owned.length > best.length)) best = { key: section.key, length: owned.length };
    }
  return best?.key;
}

/**
 * The organisation's sections, the same on each of its pages, with the current one marked for
 * screen readers (aria-current) and by sight.
 */
export function sectionNav(locale: Locale, organisation: CurrentOrganisation, path: string): SafeHtml | '' {
  const current = sectionOf(organisation.code, path);
  if (!current) return '';
  const t = coreMessage.for(locale);
  const pathname = path.split(/[?#]/)[0]?.replace(/\/$/, '');
  // On the section's own page it is the current page; deeper (a scan's results) the section is current.
  const isPage = (sectionPath: string) => pathname === `/o/${organisation.code}${sectionPath}`;
  return html`<nav
    class="rk-section-nav"
    aria-label="${t('section.nav', { name: organisation.displayName })}"
  >
    <p class="rk-section-nav__title">${organisation.displayName}</p>
    <ul class="rk-section-nav__list">
      ${sections.map(
        (s) =>
          html`<li>
            <a
              class="rk-section-nav__link"
              href="/o/${organisation.code}${s.path}"
              ${s.key === current ? html`aria-current="${isPage(s.path) ? 'page' : 'true'}"` : ''}
              >${t(`section.${s.key}`)}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}
