import type { Locale } from '../../core/i18n/i18n.ts';
import { formatInteger } from '../../core/i18n/i18n.ts';
import { getFramework, latestFrameworkVersion, localise, type Framework } from '../framework/index.ts';
import { practiceMessage, type PracticeKey } from './practices.messages.ts';
import type { PracticeStatus } from './practices.tables.ts';

/** Practices are classified with the latest framework's pillars, themes and societal tasks. */
export function practiceFramework(): Framework {
  return getFramework(latestFrameworkVersion());
}

export function pillarLabel(locale: Locale, id: string): string {
  const pillar = practiceFramework().pillars.find((p) => p.id === id);
  return pillar ? localise(pillar.title, locale) : id;
}

export function themeLabel(locale: Locale, id: string): string {
  const theme = practiceFramework().themes.find((x) => x.id === id);
  return theme ? localise(theme.title, locale) : id;
}

export function taskLabel(locale: Locale, id: string): string {
  const task = practiceFramework().societalTasks.find((x) => x.id === id);
  return task ? localise(task.title, locale) : id;
}

export function statusLabel(locale: Locale, status: PracticeStatus): string {
  const keys: Record<PracticeStatus, PracticeKey> = {
    draft: 'status.draft',
    network: 'status.network',
    public: 'status.public',
    withdrawn: 'status.withdrawn',
  };
  return practiceMessage(locale, keys[status]);
}

export function fileSize(locale: Locale, bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatInteger(locale, Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${formatInteger(locale, Math.round(bytes / (1024 * 1024)))} MB`;
}

/** The search URL for one theme: the benchmark and the strategy link here. */
export function practicesOnThemeUrl(themeId: string): string {
  return `/knowledge/practices?theme=${encodeURIComponent(themeId)}`;
}

/** Link text for {@link practicesOnThemeUrl}, in the user's language. */
export function practicesOnThemeLabel(locale: Locale, themeId: string): string {
  return practiceMessage(locale, 'practices.onTheme', { theme: themeLabel(locale, themeId) });
}
