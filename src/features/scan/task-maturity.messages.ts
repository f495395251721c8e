import { defineMessages } from '../../core/i18n/i18n.ts';

/** Maturity per societal challenge: the results page, the strategy builder and the documents. */
export const taskMaturityMessage = defineMessages({
  nl: {
    heading: 'Volwassenheid per maatschappelijke opgave',
    intro:
      'Hoe ver de randvoorwaarden en het digitaal fundament zijn voor elke opgave. De positie is het gewogen gemiddelde van de scores van de thema’s die de opgave het meest nodig heeft (gewicht 3: onmisbaar, 2: belangrijk, 1: helpt), uit de zelfscan van {period}.',
    chartTitle: 'Positie per maatschappelijke opgave (1 tot 5)',
    chartDescription:
      'Staafdiagram met per opgave de gewogen score van de thema’s die zij nodig heeft. Dezelfde cijfers staan in de tabel eronder.',
    value: 'Positie',
    caption: 'Positie per maatschappelijke opgave',
    task: 'Opgave',
    position: 'Positie (1–5)',
    weakest: 'Zwakste nodige thema’s',
    noScore: 'geen score',
    themeScore: '{theme}: {score}',
    detailsSummary: '{task}: wat zij nodig heeft en wat haar vooruithelpt',
    themesCaption: 'Thema’s die “{task}” nodig heeft',
    theme: 'Thema',
    weight: 'Gewicht',
    score: 'Score',
    actions: 'Acties die deze opgave vooruithelpen',
    noActions:
      'Geen aanbevolen acties: de thema’s die deze opgave nodig heeft zijn niet gescoord of al op niveau 5.',
    actionTheme: '{action} (thema {theme})',
  },
  en: {
    heading: 'Maturity per societal challenge',
    intro:
      'How far the preconditions and the digital foundation are for each task. The position is the weighted mean of the scores of the themes the task needs most (weight 3: essential, 2: important, 1: helpful), from the self-scan of {period}.',
    chartTitle: 'Position per societal challenge (1 to 5)',
    chartDescription:
      'Bar chart with, per task, the weighted score of the themes it needs. The table below holds the same figures.',
    value: 'Position',
    caption: 'Position per societal challenge',
    task: 'Task',
    position: 'Position (1–5)',
    weakest: 'Weakest needed themes',
    noScore: 'no score',
    themeScore: '{theme}: {score}',
    detailsSummary: '{task}: what it needs and what moves it forward',
    themesCaption: 'Themes “{task}” needs',
    theme: 'Theme',
    weight: 'Weight',
    score: 'Score',
    actions: 'Actions that move this task forward',
    noActions: 'No recommended actions: the themes this task needs are not scored or already at level 5.',
    actionTheme: '{action} (theme {theme})',
  },
});
