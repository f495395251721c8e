import { defineMessages } from '../../core/i18n/i18n.ts';

export const organisationsMessage = defineMessages({
  nl: {
    'directory.title': 'Organisaties',
    'directory.intro':
      'Alle 342 gemeenten en 12 provincies van Nederland, en de Metropoolregio Rotterdam Den Haag. Zoek uw organisatie op naam of CBS-code.',
    'directory.search': 'Zoek op naam of CBS-code',
    'directory.province': 'Provincie',
    'directory.allProvinces': 'Alle provincies',
    'directory.kind': 'Soort',
    'directory.allKinds': 'Alle soorten',
    'directory.submit': 'Zoeken',
    'directory.count.one': '{count} organisatie gevonden',
    'directory.count.other': '{count} organisaties gevonden',
    'directory.none':
      'Geen organisaties gevonden. Controleer de spelling, of zoek op een deel van de naam (bijvoorbeeld “Haag”).',
    'directory.caption': 'Gevonden organisaties',
    'directory.previous': 'Vorige pagina',
    'directory.next': 'Volgende pagina',
    'directory.page': 'Pagina {page} van {pages}',
    'column.name': 'Naam',
    'column.code': 'CBS-code',
    'column.kind': 'Soort',
    'column.province': 'Provincie',
    'profile.officialName': 'Officiële naam (CBS)',
    'profile.code': 'CBS-code',
    'profile.kind': 'Soort organisatie',
    'profile.province': 'Provincie',
    'profile.networks': 'Netwerken',
    'profile.coordinates': 'Coördineert',
    'profile.none': 'Geen',
    'profile.goToDashboard': 'Naar het dashboard van {organisation}',
    'dashboard.title': 'Dashboard {organisation}',
    'dashboard.role': 'U bent hier {role}.',
    'dashboard.step.teamDone': 'Bekijk of wijzig uw team',
    'next.heading': 'Wat is de volgende stap?',
    'next.team':
      'U bent de enige in uw team. Nodig de collega’s uit die meedoen: de I-adviseur, het CIO-office en beleidsafdelingen.',
    'next.teamLink': 'Collega’s uitnodigen',
    'next.scanNone':
      'Uw organisatie heeft nog geen zelfscan. Begin met de eerste zelfscan: ieder vult hem eerst zelf in.',
    'next.scanStartLink': 'Naar de zelfscan',
    'next.scanOpen': 'De zelfscan “{title}” loopt: u heeft {answered} van de {questions} vragen beantwoord.',
    'next.scanAnswerLink': 'Verder met invullen',
    'next.scanOverviewLink': 'Naar de voortgang van het team',
    'next.strategyNone': 'Uw scan is vastgesteld, maar er is nog geen digitaliseringsstrategie.',
    'next.strategyLink': 'Naar de strategie',
    'next.pillarEmpty': 'De pijler “{pillar}” heeft nog geen acties in uw strategie.',
    'next.overdue.one': '1 actie had af moeten zijn: “{title}” (tot {quarter}).',
    'next.overdue.other': '{count} acties hadden af moeten zijn, zoals “{title}” (tot {quarter}).',
    'next.overdueLink': 'Bijwerken in de strategie',
    'next.compare': 'Vergelijk uw vastgestelde scan met die van andere gemeenten.',
    'next.compareLink': 'Vergelijken',
    'next.team.one': 'Uw team heeft {count} lid.',
    'next.team.other': 'Uw team heeft {count} leden.',
    'next.strategyNoneYet':
      'Er is nog geen digitaliseringsstrategie. U kunt er nu een opstellen; een vastgestelde zelfscan geeft er suggesties voor.',
    'next.disagreements.one':
      'Bij 1 vraag liggen de antwoorden van het team twee niveaus of meer uit elkaar: bespreek die en leg een gezamenlijk antwoord vast.',
    'next.disagreements.other':
      'Bij {count} vragen liggen de antwoorden van het team twee niveaus of meer uit elkaar: bespreek die en leg gezamenlijke antwoorden vast.',
    'next.disagreementsLink': 'Naar het consensusoverzicht',
    'next.contracts.one': '1 leverancierscontract loopt binnen een jaar af: “{name}” op {date}.',
    'next.contracts.other':
      '{count} leverancierscontracten lopen binnen een jaar af, het eerste “{name}” op {date}.',
    'next.contractsLink': 'Naar de tijdlijn van de contracten',
    'next.session.confirmed.one':
      '{count} collega staat ingeschreven voor de kennissessie “{title}” op {date}.',
    'next.session.confirmed.other':
      '{count} collega’s staan ingeschreven voor de kennissessie “{title}” op {date}.',
    'next.session.waiting.one':
      '{count} collega staat op de wachtlijst voor de kennissessie “{title}” op {date}.',
    'next.session.waiting.other':
      '{count} collega’s staan op de wachtlijst voor de kennissessie “{title}” op {date}.',
    'next.sessionLink': 'Naar de sessie',
    'next.brigade':
      'Uw vraag aan de Connectiviteit Brigade (nr. {id}, {category}) heeft de status “{status}”.',
    'next.brigadeLink': 'Naar de vraag',
    'dashboard.members': 'Collega’s',
    'dashboard.about': 'Over {organisation}',
    'dashboard.noMembership.title': 'Nog geen organisatie',
    'dashboard.noMembership':
      'Uw account hoort nog bij geen enkele organisatie. Vraag de beheerder van uw gemeente of provincie om u uit te nodigen, of zoek uw organisatie op.',
    'notice.signed-in': 'U bent ingelogd.',
    'notice.password-reset': 'Uw nieuwe wachtwoord is opgeslagen. U bent ingelogd.',
    'notice.invitation-accepted': 'Welkom! U heeft de uitnodiging aangenomen.',
  },
  en: {
    'directory.title': 'Organisations',
    'directory.intro':
      'All 342 municipalities and 12 provinces of the Netherlands, and the Metropoolregio Rotterdam Den Haag. Find your organisation by name or CBS code.',
    'directory.search': 'Search by name or CBS code',
    'directory.province': 'Province',
    'directory.allProvinces': 'All provinces',
    'directory.kind': 'Kind',
    'directory.allKinds': 'All kinds',
    'directory.submit': 'Search',
    'directory.count.one': '{count} organisation found',
    'directory.count.other': '{count} organisations found',
    'directory.none':
      'No organisations found. Check the spelling, or search for part of the name (for example “Haag”).',
    'directory.caption': 'Organisations found',
    'directory.previous': 'Previous page',
    'directory.next': 'Next page',
    'directory.page': 'Page {page} of {pages}',
    'column.name': 'Name',
    'column.code': 'CBS code',
    'column.kind': 'Kind',
    'column.province': 'Province',
    'profile.officialName': 'Official name (CBS)',
    'profile.code': 'CBS code',
    'profile.kind': 'Kind of organisation',
    'profile.province': 'Province',
    'profile.networks': 'Networks',
    'profile.coordinates': 'Coordinates',
    'profile.none': 'None',
    'profile.goToDashboard': 'To the dashboard of {organisation}',
    'dashboard.title': 'Dashboard {organisation}',
    'dashboard.role': 'You are {role} here.',
    'dashboard.step.teamDone': 'View or change your team',
    'next.heading': 'What is the next step?',
    'next.team':
      'You are the only one in your team. Invite the colleagues who take part: the information adviser, the CIO office and policy departments.',
    'next.teamLink': 'Invite colleagues',
    'next.scanNone':
      'Your organisation has no self-scan yet. Start with the first self-scan: everyone first fills it in on their own.',
    'next.scanStartLink': 'To the self-scan',
    'next.scanOpen':
      'The self-scan “{title}” is open: you have answered {answered} of the {questions} questions.',
    'next.scanAnswerLink': 'Continue answering',
    'next.scanOverviewLink': 'To the team’s progress',
    'next.strategyNone': 'Your scan is settled, but there is no digitalisation strategy yet.',
    'next.strategyLink': 'To the strategy',
    'next.pillarEmpty': 'The pillar “{pillar}” has no actions in your strategy yet.',
    'next.overdue.one': '1 action should have been finished: “{title}” (until {quarter}).',
    'next.overdue.other': '{count} actions should have been finished, such as “{title}” (until {quarter}).',
    'next.overdueLink': 'Update them in the strategy',
    'next.compare': 'Compare your settled scan with those of other municipalities.',
    'next.compareLink': 'Compare',
    'next.team.one': 'Your team has {count} member.',
    'next.team.other': 'Your team has {count} members.',
    'next.strategyNoneYet':
      'There is no digitalisation strategy yet. You can draft one now; a settled self-scan suggests actions for it.',
    'next.disagreements.one':
      'On 1 question the team’s answers are two levels or more apart: discuss it and record a joint answer.',
    'next.disagreements.other':
      'On {count} questions the team’s answers are two levels or more apart: discuss them and record joint answers.',
    'next.disagreementsLink': 'To the consensus overview',
    'next.contracts.one': '1 supplier contract ends within a year: “{name}” on {date}.',
    'next.contracts.other': '{count} supplier contracts end within a year, the first “{name}” on {date}.',
    'next.contractsLink': 'To the contracts’ timeline',
    'next.session.confirmed.one':
      '{count} colleague is registered for the knowledge session “{title}” on {date}.',
    'next.session.confirmed.other':
      '{count} colleagues are registered for the knowledge session “{title}” on {date}.',
    'next.session.waiting.one':
      '{count} colleague is on the waiting list for the knowledge session “{title}” on {date}.',
    'next.session.waiting.other':
      '{count} colleagues are on the waiting list for the knowledge session “{title}” on {date}.',
    'next.sessionLink': 'To the session',
    'next.brigade':
      'Your question to the Connectiviteit Brigade (no. {id}, {category}) has the status “{status}”.',
    'next.brigadeLink': 'To the question',
    'dashboard.members': 'Colleagues',
    'dashboard.about': 'About {organisation}',
    'dashboard.noMembership.title': 'No organisation yet',
    'dashboard.noMembership':
      'Your account does not belong to any organisation yet. Ask the administrator of your municipality or province to invite you, or look up your organisation.',
    'notice.signed-in': 'You are signed in.',
    'notice.password-reset': 'Your new password has been saved. You are signed in.',
    'notice.invitation-accepted': 'Welcome! You have accepted the invitation.',
  },
});
