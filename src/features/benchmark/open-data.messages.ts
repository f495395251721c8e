import { defineMessages } from '../../core/i18n/i18n.ts';

/** The public open-data page of the benchmark. */
export const openDataMessage = defineMessages({
  nl: {
    title: 'Open data: benchmark van de volwassenheidsscan',
    lead: 'Deze dataset bevat per groep gemeenten de geaggregeerde uitkomsten van de volwassenheidsscan: het eerste kwartiel, de mediaan en het derde kwartiel van de scores (niveau 1 tot en met 5), per thema, per pijler en in totaal. Scores van afzonderlijke gemeenten staan er niet in.',
    'groups.title': 'Groepen',
    'groups.intro': 'Elke rij hoort bij één groep en één jaar (de periode van de scan):',
    'groups.all': 'all: alle gemeenten die in dat jaar een vastgestelde scan delen;',
    'groups.province': 'province:PV28 en dergelijke: de gemeenten van één provincie (CBS-code);',
    'groups.network': 'network:mrdh en dergelijke: de leden van één netwerk;',
    'groups.size': 'size:1 tot en met size:8: een CBS-gemeentegrootteklasse naar aantal inwoners.',
    'fields.title': 'Velden',
    'fields.text':
      'period, group, groupSize (aantal deelnemers in de groep), kind (theme, pillar of overall), key (id van het thema of de pijler, of all), q1, median, q3 en count (aantal deelnemers met een score voor dit thema of deze pijler).',
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
    'download.hint': 'Met ?period=2025 kiest u een ander jaar, met ?group=province:PV28 één groep.',
    'table.title': 'Getoonde groepen in {period}',
    'table.caption': 'Totaalscore per getoonde groep in {period}',
    'table.group': 'Groep',
    'table.id': 'Id',
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
    title: 'Open data: benchmark of the maturity scan',
    lead: 'This data set holds the aggregated results of the maturity scan per group of municipalities: the first quartile, the median and the third quartile of the scores (levels 1 to 5), per theme, per pillar and overall. It holds no scores of individual municipalities.',
    'groups.title': 'Groups',
    'groups.intro': 'Each row belongs to one group and one year (the period of the scan):',
    'groups.all': 'all: every municipality that shares a submitted scan of that year;',
    'groups.province': 'province:PV28 and the like: the municipalities of one province (CBS code);',
    'groups.network': 'network:mrdh and the like: the members of one network;',
    'groups.size': 'size:1 to size:8: a CBS municipality size class by number of inhabitants.',
    'fields.title': 'Fields',
    'fields.text':
      'period, group, groupSize (contributors in the group), kind (theme, pillar or overall), key (id of the theme or pillar, or all), q1, median, q3 and count (contributors with a score for this theme or pillar).',
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
    'download.hint': 'Add ?period=2025 for another year, ?group=province:PV28 for one group.',
    'table.title': 'Shown groups in {period}',
    'table.caption': 'Overall score per shown group in {period}',
    'table.group': 'Group',
    'table.id': 'Id',
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
