import { defineMessages } from '../../core/i18n/i18n.ts';

export const auditMessage = defineMessages({
  nl: {
    'title.organisation': 'Logboek van {organisation}',
    'title.platform': 'Logboek van het platform',
    'intro.organisation':
      'Wie wat wanneer veranderde in deze organisatie, vanaf welk adres, en wanneer collega’s inlogden of het probeerden. Het logboek kan niemand wijzigen; regels ouder dan {months} maanden worden verwijderd.',
    'intro.platform':
      'Handelingen buiten één organisatie: inloggen, accounts, netwerken en instellingen. Het logboek kan niemand wijzigen; regels ouder dan {months} maanden worden verwijderd.',
    'filter.legend': 'Filteren',
    'filter.action': 'Handeling',
    'filter.allActions': 'Alle handelingen',
    'filter.from': 'Vanaf (dag)',
    'filter.to': 'Tot en met (dag)',
    'filter.submit': 'Filter',
    'filter.invalidDay': 'Vul een datum in als 2026-03-31.',
    csv: 'Download als CSV',
    caption: 'Logboekregels, nieuwste eerst (maximaal {limit})',
    'col.at': 'Wanneer',
    'col.actor': 'Wie',
    'col.action': 'Handeling',
    'col.details': 'Gegevens',
    'col.address': 'Vanaf adres',
    system: 'Systeem',
    empty: 'Geen logboekregels gevonden.',
  },
  en: {
    'title.organisation': 'Audit trail of {organisation}',
    'title.platform': 'Audit trail of the platform',
    'intro.organisation':
      'Who changed what and when in this organisation, from which address, and when colleagues signed in or tried to. Nobody can change the trail; entries older than {months} months are removed.',
    'intro.platform':
      'Actions outside a single organisation: sign-ins, accounts, networks and settings. Nobody can change the trail; entries older than {months} months are removed.',
    'filter.legend': 'Filter',
    'filter.action': 'Action',
    'filter.allActions': 'All actions',
    'filter.from': 'From (day)',
    'filter.to': 'Up to and including (day)',
    'filter.submit': 'Filter',
    'filter.invalidDay': 'Enter a date like 2026-03-31.',
    csv: 'Download as CSV',
    caption: 'Entries, newest first (at most {limit})',
    'col.at': 'When',
    'col.actor': 'Who',
    'col.action': 'Action',
    'col.details': 'Details',
    'col.address': 'From address',
    system: 'System',
    empty: 'No entries found.',
  },
});
