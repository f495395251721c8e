import { defineMessages } from '../../core/i18n/i18n.ts';

export const benchmarkMessage = defineMessages({
  nl: {
    'sizeClass.atLeast': '{from} inwoners of meer',
    'sizeClass.below': 'minder dan {to} inwoners',
    'sizeClass.between': '{from} tot {to} inwoners',
    title: 'Vergelijken met andere organisaties',
    intro:
      'Hier ziet u hoe de vastgestelde zelfscan van {organisation} zich verhoudt tot die van andere organisaties, per thema en per pijler. Groepscijfers tonen we alleen als ze geen enkele organisatie herkenbaar maken: een groep telt minstens {minimum} organisaties.',
    empty:
      '{organisation} heeft nog geen vastgestelde zelfscan. Stel eerst een zelfscan vast; daarna kunt u uw scores vergelijken met die van andere organisaties.',
    'empty.link': 'Naar de zelfscan',
    basis: 'Vergeleken wordt uw zelfscan “{title}” over {period}, vastgesteld op {date}.',
    'form.group': 'Vergelijk met',
    'form.period': 'Jaar',
    'form.submit': 'Vergelijking tonen',
    'group.all': 'Alle deelnemende organisaties',
    'group.province': 'Provincie {name}',
    'group.network': 'Netwerk {name}',
    'group.size': 'Gemeenten met {size}',
    'withheld.tooFew': 'Te weinig deelnemers voor een vergelijking',
    'withheld.tooFew.detail':
      'In de groep “{group}” hebben over {period} minder dan {minimum} organisaties een vastgestelde zelfscan gedeeld. Kies een andere groep.',
    'withheld.differencing':
      'De cijfers van de groep “{group}” worden niet getoond: deze groep verschilt zo weinig van een andere groep dat de cijfers samen de resultaten van afzonderlijke organisaties zouden kunnen onthullen. Kies een andere groep.',
    size: '{group}: {count} organisaties met een vastgestelde zelfscan over {period}.',
    overall: 'Uw totaalscore is {own}; de mediaan van de groep is {median}.',
    'overall.noMedian': 'Uw totaalscore is {own}.',
    notSharing:
      '{organisation} deelt haar resultaten niet: uw zelfscan telt daarom niet mee in deze groepscijfers.',
    'sharing.link': 'Instelling voor delen bekijken of wijzigen',
    themes: 'Per thema',
    pillars: 'Per pijler',
    'chart.title': 'Uw score per thema en de mediaan van de groep “{group}”',
    'chart.description':
      'Staafdiagram met per thema uw score (staaf) en de mediaan van de groep (streep), op een schaal van 0 tot 5. Dezelfde cijfers staan in de tabel onder het diagram.',
    'series.own': 'Uw score',
    'series.median': 'Mediaan van de groep',
    'table.themes': 'Uw score en de groepscijfers per thema ({group}, {period})',
    'table.pillars': 'Uw score en de groepscijfers per pijler ({group}, {period})',
    'column.theme': 'Thema',
    'column.pillar': 'Pijler',
    'column.own': 'Uw score',
    'column.q1': 'Eerste kwartiel',
    'column.median': 'Mediaan',
    'column.q3': 'Derde kwartiel',
    'column.count': 'Aantal organisaties',
    'row.overall': 'Totaalscore',
    explained:
      'De mediaan is de middelste score in de groep. Een kwart van de organisaties scoort op of onder het eerste kwartiel, een kwart op of boven het derde kwartiel. Een cijfer waarvoor minder dan {minimum} organisaties een score hebben, tonen we niet.',
    notShown: 'niet getoond',
    noScore: 'geen score',
    trend: 'Ontwikkeling van de groep',
    'trend.intro':
      'De mediaan van de totaalscore van de groep “{group}” per jaar. Is de groep in een jaar te klein, of zouden de cijfers iets over afzonderlijke organisaties onthullen, dan staat er “niet getoond”.',
    'trend.caption': 'Mediaan van de totaalscore per jaar ({group})',
    acrossVersions:
      'De scans in deze vergelijking gebruikten versie {versions} van het raamwerk. Alle cijfers hier, ook uw eigen scores, tellen daarom alleen de {questions} vragen die in die versies hetzelfde vragen; antwoorden op de andere vragen tellen niet mee.',
    'trend.acrossVersions':
      'De jaren in deze reeks gebruikten versie {versions} van het raamwerk. Elke mediaan telt daarom alleen de {questions} vragen die in die versies hetzelfde vragen.',
    'versions.and': 'en',
    'column.period': 'Jaar',
    'column.size': 'Deelnemers',
    'column.overallMedian': 'Mediaan totaalscore',
    learn: 'Leren van anderen',
    'learn.intro':
      'Voor uw drie zwakste thema’s: organisaties in uw netwerken die daar minstens één niveau hoger scoren. Neem contact met hen op om ervaringen uit te wisselen.',
    'learn.notNamed':
      'Deze lijst toont alleen organisaties die met naam delen, en alleen aan organisaties die dat zelf ook doen. Dat moet dus aan beide kanten zo zijn ingesteld. {organisation} deelt nu niet met naam.',
    'learn.notNamed.link': 'Met naam delen instellen',
    'learn.theme': '{theme} (uw score: {score})',
    'learn.peer': '{name}: {score}',
    'learn.contact': 'Neem contact op',
    'learn.contactWith': 'met {name}',
    'learn.none':
      'Geen organisatie in uw netwerken die met naam deelt, scoort op dit thema een niveau of meer hoger.',
    'learn.noThemes': 'Uw zelfscan over {period} heeft nog geen thema’s met een score.',
  },
  en: {
    'sizeClass.atLeast': '{from} inhabitants or more',
    'sizeClass.below': 'fewer than {to} inhabitants',
    'sizeClass.between': '{from} to {to} inhabitants',
    title: 'Comparing with other organisations',
    intro:
      'Here you see how the submitted self-scan of {organisation} compares with those of other organisations, by theme and by pillar. We only show group figures when they make no single organisation recognisable: a group has at least {minimum} organisations.',
    empty:
      '{organisation} has no submitted self-scan yet. Submit a self-scan first; then you can compare your scores with those of other organisations.',
    'empty.link': 'To the self-scan',
    basis: 'Compared is your self-scan “{title}” for {period}, submitted on {date}.',
    'form.group': 'Compare with',
    'form.period': 'Year',
    'form.submit': 'Show comparison',
    'group.all': 'All participating organisations',
    'group.province': 'Province of {name}',
    'group.network': 'Network {name}',
    'group.size': 'Municipalities with {size}',
    'withheld.tooFew': 'Too few participants for a comparison',
    'withheld.tooFew.detail':
      'In the group “{group}”, fewer than {minimum} organisations have shared a submitted self-scan for {period}. Choose another group.',
    'withheld.differencing':
      'The figures of the group “{group}” are not shown: this group differs so little from another group that the figures together could reveal the results of individual organisations. Choose another group.',
    size: '{group}: {count} organisations with a submitted self-scan for {period}.',
    overall: 'Your overall score is {own}; the median of the group is {median}.',
    'overall.noMedian': 'Your overall score is {own}.',
    notSharing:
      '{organisation} does not share its results: your self-scan therefore does not count in these group figures.',
    'sharing.link': 'View or change the sharing setting',
    themes: 'By theme',
    pillars: 'By pillar',
    'chart.title': 'Your score by theme and the median of the group “{group}”',
    'chart.description':
      'Bar chart with, for each theme, your score (bar) and the median of the group (line), on a scale from 0 to 5. The same figures are in the table below the chart.',
    'series.own': 'Your score',
    'series.median': 'Median of the group',
    'table.themes': 'Your score and the group figures by theme ({group}, {period})',
    'table.pillars': 'Your score and the group figures by pillar ({group}, {period})',
    'column.theme': 'Theme',
    'column.pillar': 'Pillar',
    'column.own': 'Your score',
    'column.q1': 'First quartile',
    'column.median': 'Median',
    'column.q3': 'Third quartile',
    'column.count': 'Organisations',
    'row.overall': 'Overall score',
    explained:
      'The median is the middle score in the group. A quarter of the organisations score at or below the first quartile, a quarter at or above the third quartile. We do not show a figure for which fewer than {minimum} organisations have a score.',
    notShown: 'not shown',
    noScore: 'no score',
    trend: 'How the group developed',
    'trend.intro':
      'The median overall score of the group “{group}” by year. Where the group was too small in a year, or the figures would reveal something about individual organisations, it says “not shown”.',
    'trend.caption': 'Median overall score by year ({group})',
    acrossVersions:
      'The scans in this comparison used version {versions} of the framework. All figures here, your own scores included, therefore count only the {questions} questions that ask the same in those versions; answers to the other questions do not count.',
    'trend.acrossVersions':
      'The years in this series used version {versions} of the framework. Each median therefore counts only the {questions} questions that ask the same in those versions.',
    'versions.and': 'and',
    'column.period': 'Year',
    'column.size': 'Participants',
    'column.overallMedian': 'Median overall score',
    learn: 'Learning from others',
    'learn.intro':
      'For your three weakest themes: organisations in your networks that score at least one level higher there. Contact them to exchange experience.',
    'learn.notNamed':
      'This list only shows organisations that share by name, and only to organisations that do so themselves. So it must be set that way on both sides. {organisation} does not share by name now.',
    'learn.notNamed.link': 'Set up sharing by name',
    'learn.theme': '{theme} (your score: {score})',
    'learn.peer': '{name}: {score}',
    'learn.contact': 'Get in touch',
    'learn.contactWith': 'with {name}',
    'learn.none':
      'No organisation in your networks that shares by name scores a level or more higher on this theme.',
    'learn.noThemes': 'Your self-scan for {period} has no themes with a score yet.',
  },
});

export type BenchmarkKey = Parameters<typeof benchmarkMessage>[1];
