import type { Locale } from '../../core/i18n/i18n.ts';
import { defineTask } from '../../core/workers/worker-tasks.ts';
import type { DocumentModel } from '../documents/index.ts';
import { localise, type Framework } from '../framework/index.ts';
import { routeMessage } from './development-route.messages.ts';
import { routeDrawing, routeStages, type RoutePosition } from './route-drawing.ts';

/**
 * The development route as a PDF through the documents' own renderer: the drawing as vectors on an
 * A4 landscape page, then the text version. The model is plain data made on the request thread.
 */
export function routeDocument(
  locale: Locale,
  framework: Framework,
  position?: { name: string; period: number; pillars: RoutePosition },
): DocumentModel {
  const t = routeMessage.for(locale);
  const nl = locale === 'nl';
  return {
    locale,
    title: t('title'),
    subject: t('drawing.title'),
    organisation: position?.name ?? t('drawing.subtitle'),
    titlePage: { subtitle: t('drawing.subtitle'), facts: [] },
    sections: [
      {
        heading: t('drawing.title'),
        page: { size: 'A4', orientation: 'landscape' },
        blocks: [
          {
            kind: 'image',
            svg: String(routeDrawing(locale, framework, position)),
            pixelWidth: 3508,
            alt: t('drawing.description', { count: framework.pillars.length }),
            widthCm: 24.7,
            maxHeightCm: 15.5,
          },
        ],
      },
      {
        heading: t('text.title'),
        blocks: routeStages(framework).flatMap((stage) => [
          {
            kind: 'heading' as const,
            level: 2 as const,
            text: `${stage.pillar.number}. ${localise(stage.pillar.title, locale)}`,
          },
          {
            kind: 'paragraph' as const,
            text: `${t('text.asks')}: ${localise(stage.pillar.description, locale)}`,
          },
          {
            kind: 'list' as const,
            items: stage.themes.map(({ theme, questions }) =>
              t('text.theme', { title: localise(theme.title, locale), count: questions }),
            ),
          },
        ]),
      },
    ],
    pageLabel: { page: nl ? 'Pagina' : 'Page', of: nl ? 'van' : 'of' },
    versionLabel: framework.version,
    contentsLabel: nl ? 'Inhoud' : 'Contents',
  };
}

/** Loaded in the pool's thread only: pdfkit stays out of the request thread. */
export async function renderRoutePdf(model: DocumentModel): Promise<Buffer> {
  const { renderPdf } = await import('../documents/index.ts');
  return renderPdf(model);
}

export const renderRoutePdfTask = defineTask(new URL(import.meta.url), 'renderRoutePdf', renderRoutePdf);
