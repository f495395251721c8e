import { defineMessages } from '../../core/i18n/i18n.ts';

export const sharingMessage = defineMessages({
  nl: {
    /** The benchmark page's title, in the breadcrumbs: the page these choices are made for. */
    'benchmark.title': 'Vergelijken met andere organisaties',
    'sharing.title': 'Resultaten delen',
    'sharing.intro':
      'Kies of en hoe de vastgestelde zelfscans van {organisation} meetellen bij het vergelijken met andere organisaties. Concepten deelt Routekaart nooit.',
    'sharing.networks': '{organisation} hoort bij deze netwerken: {networks}.',
    'sharing.noNetworks': '{organisation} hoort bij geen enkel netwerk.',
    'sharing.field': 'Hoe deelt {organisation} haar resultaten?',
    'sharing.current': 'Huidige keuze',
    'sharing.changedBy': 'Gewijzigd door {name} op {date}.',
    'sharing.changedAt': 'Gewijzigd op {date}.',
    'sharing.default': 'Nog nooit gewijzigd: de standaardkeuze geldt.',
    'sharing.adminOnly': 'Alleen een beheerder van {organisation} kan deze keuze wijzigen.',
    'sharing.submit': 'Keuze opslaan',
    'sharing.saved': 'Uw keuze is opgeslagen.',
    'sharing.invalid': 'Kies een van de drie manieren van delen.',
    'sharing.toBenchmark': 'Naar de vergelijking',
    'mode.aggregated': 'Geaggregeerd (standaard)',
    'mode.aggregated.description':
      'Uw vastgestelde scan telt mee in groepscijfers, nooit met naam. Groepscijfers tonen we alleen voor groepen van minstens {minimum} organisaties.',
    'mode.named': 'Met naam in uw netwerk',
    'mode.named.description':
      'Organisaties in uw netwerken die ook deze keuze maken, zien uw naam en scores — en u die van hen. Uw scan telt ook mee in groepscijfers.',
    'mode.not-shared': 'Niet delen',
    'mode.not-shared.description':
      'Uw scan telt nergens mee en niemand buiten uw organisatie ziet uw scores. U ziet wel de groepscijfers van anderen.',
  },
  en: {
    'benchmark.title': 'Comparing with other organisations',
    'sharing.title': 'Sharing results',
    'sharing.intro':
      'Choose whether and how the submitted self-scans of {organisation} count when comparing with other organisations. Routekaart never shares drafts.',
    'sharing.networks': '{organisation} belongs to these networks: {networks}.',
    'sharing.noNetworks': '{organisation} belongs to no network.',
    'sharing.field': 'How does {organisation} share its results?',
    'sharing.current': 'Current choice',
    'sharing.changedBy': 'Changed by {name} on {date}.',
    'sharing.changedAt': 'Changed on {date}.',
    'sharing.default': 'Never changed: the default applies.',
    'sharing.adminOnly': 'Only an administrator of {organisation} can change this choice.',
    'sharing.submit': 'Save choice',
    'sharing.saved': 'Your choice has been saved.',
    'sharing.invalid': 'Choose one of the three ways of sharing.',
    'sharing.toBenchmark': 'To the comparison',
    'mode.aggregated': 'Aggregated (default)',
    'mode.aggregated.description':
      'Your submitted scan counts in group figures, never by name. We only show group figures for groups of at least {minimum} organisations.',
    'mode.named': 'By name in your network',
    'mode.named.description':
      'Organisations in your networks that make the same choice see your name and scores — and you see theirs. Your scan also counts in group figures.',
    'mode.not-shared': 'Do not share',
    'mode.not-shared.description':
      'Your scan counts nowhere and nobody outside your organisation sees your scores. You do see the group figures of others.',
  },
});

export type SharingKey = Parameters<typeof sharingMessage>[1];
