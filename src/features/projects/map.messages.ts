import { defineMessages } from '../../core/i18n/i18n.ts';

export const mapMessage = defineMessages({
  nl: {
    'landing.title': 'Projectenkaart en samenwerkingskansen',
    'landing.intro':
      'Zie waar in de provincie welke digitale projecten lopen en waar gemeenten samen kunnen optrekken.',
    'landing.map': 'Projectenkaart Zuid-Holland',
    'landing.own': 'Projecten van {organisation}',
    'landing.opportunities': 'Kansen om samen te werken voor {organisation}',
    'landing.signIn': 'Log in om de projectenkaart te zien.',
    title: 'Projectenkaart Zuid-Holland',
    intro:
      'Waar in de provincie lopen welke digitale projecten? De kaart telt de projecten van organisaties die met naam delen. Kies een gemeente om haar projecten te zien.',
    'filter.title': 'Filteren',
    'filter.theme': 'Thema',
    'filter.task': 'Maatschappelijke opgave',
    'filter.all': 'Alle',
    'filter.submit': 'Filter toepassen',
    'map.title': 'Kaart van de gemeenten in Zuid-Holland, gekleurd naar aantal projecten',
    'map.desc':
      '{count} gemeenten. {withProjects} gemeenten hebben minstens één project. Elke gemeente is een link naar haar projecten. De gemeenten met projecten staan met hun aantal ook in de tabel onder de kaart.',
    'map.label': 'Gemeente {name}: {count} projecten',
    'map.labelOne': 'Gemeente {name}: 1 project',
    'legend.title': 'Aantal projecten',
    'bucket.0': 'geen',
    'bucket.1': '1',
    'bucket.range': '{low} tot en met {high}',
    'bucket.more': '{low} of meer',
    'table.caption': 'Gemeenten met projecten',
    'table.none': 'Geen gemeente heeft projecten die bij deze filters passen.',
    'count.one': '1 project',
    'count.other': '{count} projecten',
    'table.municipality': 'Gemeente',
    'table.projects': 'Projecten',
    aggregated:
      'Daarnaast lopen er in de regio {count} project(en) van organisaties die alleen geaggregeerd delen; die staan niet per gemeente op de kaart.',
    total: 'Totaal met naam gedeeld: {count} project(en).',
    source:
      'Bron gemeentegrenzen: CBS / Kadaster (PDOK), gemeentelijke indeling 2026; vereenvoudigd door cartomap/nl.',
    allProjects: 'Alle projecten als lijst',
  },
  en: {
    'landing.title': 'Project map and collaboration opportunities',
    'landing.intro':
      'See where in the province which digital projects run, and where municipalities could join forces.',
    'landing.map': 'Project map of Zuid-Holland',
    'landing.own': 'Projects of {organisation}',
    'landing.opportunities': 'Opportunities to collaborate for {organisation}',
    'landing.signIn': 'Sign in to see the project map.',
    title: 'Project map of Zuid-Holland',
    intro:
      'Where in the province do which digital projects run? The map counts the projects of organisations that share by name. Choose a municipality to see its projects.',
    'filter.title': 'Filter',
    'filter.theme': 'Theme',
    'filter.task': 'Societal challenge',
    'filter.all': 'All',
    'filter.submit': 'Apply filter',
    'map.title': 'Map of the municipalities of Zuid-Holland, coloured by number of projects',
    'map.desc':
      '{count} municipalities. {withProjects} municipalities have at least one project. Each municipality links to its projects. The municipalities with projects are also in the table below the map, with their numbers.',
    'map.label': 'Municipality {name}: {count} projects',
    'map.labelOne': 'Municipality {name}: 1 project',
    'legend.title': 'Number of projects',
    'bucket.0': 'none',
    'bucket.1': '1',
    'bucket.range': '{low} to {high}',
    'bucket.more': '{low} or more',
    'table.caption': 'Municipalities with projects',
    'table.none': 'No municipality has projects that match these filters.',
    'count.one': '1 project',
    'count.other': '{count} projects',
    'table.municipality': 'Municipality',
    'table.projects': 'Projects',
    aggregated:
      'In addition, {count} project(s) of organisations that share aggregated only run in the region; they are not on the map per municipality.',
    total: 'Total shared by name: {count} project(s).',
    source:
      'Source of the boundaries: CBS / Kadaster (PDOK), municipal division 2026; simplified by cartomap/nl.',
    allProjects: 'All projects as a list',
  },
});
