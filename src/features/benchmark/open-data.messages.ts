import { defineMessages } from '../../core/i18n/i18n.ts';

/** The public open-data page of the benchmark. */
export const openDataMessage = defineMessages({
  nl: {
    title: 'Open data: hoe ver zijn gemeenten met digitalisering?',
    lead: 'Gemeenten meten met de zelfscan van Routekaart hoe ver zij zijn met hun digitale strategie, op een schaal van 1 (startend) tot 5 (toonaangevend). Hier staan de uitkomsten per groep gemeenten, vrij te gebruiken voor beleid, onderzoek en verantwoording. De score van een afzonderlijke gemeente staat er nooit in.',
    'groups.title': 'Wat de cijfers laten zien',
    'groups.intro':
      'Per groep gemeenten en per jaar ziet u de middelste score (de mediaan) en de spreiding: een kwart van de gemeenten scoort op of onder het eerste kwartiel, een kwart op of boven het derde. De cijfers zijn er per thema, per pijler van de handreiking en in totaal. Er zijn vier soorten groepen:',
    'groups.all': 'alle gemeenten die dat jaar een vastgestelde zelfscan delen;',
    'groups.province': 'de gemeenten van één provincie;',
    'groups.network': 'de leden van een samenwerkingsverband, zoals de Metropoolregio Rotterdam Den Haag;',
    'groups.size': 'gemeenten van dezelfde grootte, in de grootteklassen van het CBS.',
    'fields.title': 'Voor wie de cijfers zelf verwerkt',
    'fields.text':
      'Het CSV-bestand heeft één regel per groep, jaar en thema of pijler, met de mediaan, de kwartielen en het aantal gemeenten dat meetelt. De beschrijving van de API legt elke kolom uit en hoe u een ander jaar of één groep opvraagt.',
    'catalogues.title': 'Databronnen van gemeenten',
    'catalogues.intro':
      'Gemeenten houden in Routekaart bij welke databronnen zij hebben. De bronnen die zij als open data publiceren, staan per gemeente in een catalogus volgens de Nederlandse standaard DCAT-AP-NL, zodat dataportalen zoals data.overheid.nl ze kunnen overnemen.',
    'catalogues.item.one': 'Catalogus van {name} ({count} open databron)',
    'catalogues.item.other': 'Catalogus van {name} ({count} open databronnen)',
    'catalogues.none': 'Nog geen gemeente publiceert hier open databronnen.',
    'licence.title': 'Licentie',
    'licence.text':
      'De cijfers zijn open data onder CC0 1.0: de beheerder doet afstand van alle rechten (publiek domein). U mag ze zonder voorwaarden gebruiken, ook zonder bronvermelding.',
    'licence.link': 'CC0 1.0 Universeel (Creative Commons)',
    'rule.title': 'Regel voor anonimiteit',
    'rule.size': 'Een groep wordt alleen getoond als er minstens {minimum} organisaties aan bijdragen.',
    'rule.differencing':
      'Twee getoonde groepen van hetzelfde jaar verschillen nooit in 1 tot en met {below} deelnemers; anders zou het vergelijken van hun cijfers die enkele deelnemers prijsgeven. De kleinste van zo’n paar wordt niet getoond.',
    'rule.figure':
      'Dezelfde regel geldt per thema en pijler: een cijfer ontbreekt als te weinig deelnemers er een score voor hebben.',
    'rule.period': 'Elk jaar staat op zichzelf: een cijfer gebruikt alleen de scans van dat jaar.',
    'download.title': 'Downloaden en koppelen',
    'download.csv': 'Alle getoonde cijfers van het laatste jaar als CSV',
    'download.api': 'Dezelfde cijfers als JSON via de API',
    'download.openapi': 'Beschrijving van de API (OpenAPI)',
    'table.title': 'Getoonde groepen in {period}',
    'table.caption': 'Totaalscore per getoonde groep in {period}',
    'table.group': 'Groep',
    'table.size': 'Deelnemers',
    'table.q1': 'Eerste kwartiel',
    'table.median': 'Mediaan',
    'table.q3': 'Derde kwartiel',
    'table.withheld.one':
      '{count} groep wordt niet getoond, omdat die te weinig deelnemers heeft of te weinig verschilt van een andere groep.',
    'table.withheld.other':
      '{count} groepen worden niet getoond, omdat ze te weinig deelnemers hebben of te weinig verschillen van een andere groep.',
    empty: 'Er zijn nog geen cijfers gepubliceerd.',
    'group.all': 'Alle deelnemers',
    'group.size': 'Gemeenten met {label}',
    'group.network': 'Netwerk {name}',
  },
  en: {
    title: 'Open data: how far are municipalities with digitalisation?',
    lead: 'With the Routekaart self-scan, municipalities measure how far they are with their digital strategy, on a scale from 1 (starting) to 5 (leading). Here are the results per group of municipalities, free to use for policy, research and accountability. The score of a single municipality is never in them.',
    'groups.title': 'What the figures show',
    'groups.intro':
      'Per group of municipalities and per year you see the middle score (the median) and the spread: a quarter of the municipalities score at or below the first quartile, a quarter at or above the third. The figures are given per theme, per pillar of the guide and overall. There are four kinds of group:',
    'groups.all': 'all municipalities that share a submitted self-scan that year;',
    'groups.province': 'the municipalities of one province;',
    'groups.network': 'the members of a partnership, such as the Metropoolregio Rotterdam Den Haag;',
    'groups.size': 'municipalities of the same size, in the size classes of Statistics Netherlands (CBS).',
    'fields.title': 'For those who process the figures themselves',
    'fields.text':
      'The CSV file has one line per group, year and theme or pillar, with the median, the quartiles and the number of municipalities that count. The description of the API explains each column and how to ask for another year or one group.',
    'catalogues.title': 'Municipalities’ data sources',
    'catalogues.intro':
      'Municipalities keep a register of their data sources in Routekaart. The sources they publish as open data are listed per municipality in a catalogue following the Dutch standard DCAT-AP-NL, so that data portals such as data.overheid.nl can take them over.',
    'catalogues.item.one': 'Catalogue of {name} ({count} open data source)',
    'catalogues.item.other': 'Catalogue of {name} ({count} open data sources)',
    'catalogues.none': 'No municipality publishes open data sources here yet.',
    'licence.title': 'Licence',
    'licence.text':
      'The figures are open data under CC0 1.0: the operator waives all rights (public domain). You may use them without conditions, even without attribution.',
    'licence.link': 'CC0 1.0 Universal (Creative Commons)',
    'rule.title': 'Anonymity rule',
    'rule.size': 'A group is shown only when at least {minimum} organisations contribute to it.',
    'rule.differencing':
      'No two shown groups of the same year differ by 1 to {below} contributors; otherwise comparing their figures would give away those few. The smaller of such a pair is not shown.',
    'rule.figure':
      'The same rule applies per theme and pillar: a figure is left out when too few contributors have a score for it.',
    'rule.period': 'Each year stands alone: a figure uses only the scans of that year.',
    'download.title': 'Download and connect',
    'download.csv': 'All shown figures of the latest year as CSV',
    'download.api': 'The same figures as JSON through the API',
    'download.openapi': 'Description of the API (OpenAPI)',
    'table.title': 'Shown groups in {period}',
    'table.caption': 'Overall score per shown group in {period}',
    'table.group': 'Group',
    'table.size': 'Contributors',
    'table.q1': 'First quartile',
    'table.median': 'Median',
    'table.q3': 'Third quartile',
    'table.withheld.one':
      '{count} group is not shown, because it has too few contributors or differs too little from another group.',
    'table.withheld.other':
      '{count} groups are not shown, because they have too few contributors or differ too little from another group.',
    empty: 'No figures have been published yet.',
    'group.all': 'All contributors',
    'group.size': 'Municipalities with {label}',
    'group.network': 'Network {name}',
  },
});
