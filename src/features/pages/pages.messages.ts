import { defineMessages } from '../../core/i18n/i18n.ts';

export const pagesMessage = defineMessages({
  nl: {
    'home.title': 'Routekaart: samen bouwen aan digitale strategie',
    'home.lead':
      'Op Routekaart bouwen gemeenten hun digitaliseringsstrategie op, meten ze waar ze staan en leren ze van elkaar. De provincie Zuid-Holland en de Metropoolregio Rotterdam Den Haag stemmen hier de samenwerking af.',
    'home.means':
      'Digitalisering is een middel, geen doel: elke digitale ambitie dient een maatschappelijke opgave van de gemeente, zoals de energietransitie, de mobiliteitstransitie, de circulaire economie of gezondheid en welzijn.',
    'home.pillars': 'De vier pijlers van de handreiking',
    'home.route': 'Bekijk de ontwikkelroute als tekening, met wat elke stap vraagt',
    'home.pillar1': 'Bouwen aan digitale strategie',
    'home.pillar2':
      'Digitaal fundament versterken: infrastructuur en sensoriek, kennis en capaciteit, coördinatie en governance',
    'home.pillar3': 'Randvoorwaarden op orde brengen, zoals data-eigendom, ethiek en financiering',
    'home.pillar4': 'Werken aan een urban data-ecosysteem met nieuwe toepassingen en diensten',
    'home.start': 'Aan de slag',
    'home.signIn': 'Log in om met uw organisatie aan de slag te gaan.',
    'home.toDashboard': 'Naar uw dashboard',
    'home.findOrganisation': 'Zoek uw gemeente of provincie',
    'home.openData':
      'Hoe digitaal volwassen zijn de gemeenten in Zuid-Holland? De cijfers per groep zijn voor iedereen te bekijken.',
    'home.openDataLink': 'Naar de open data',
    'home.signedOut': 'U bent uitgelogd.',
    'accessibility.title': 'Toegankelijkheidsverklaring',
    'privacy.title': 'Privacyverklaring',
    'contact.fallback': 'de beheerder van dit platform',
  },
  en: {
    'home.title': 'Routekaart: building digital strategy together',
    'home.lead':
      'On Routekaart, municipalities build their digitalisation strategy, measure where they stand and learn from each other. The Province of Zuid-Holland and the Metropoolregio Rotterdam Den Haag coordinate the cooperation here.',
    'home.means':
      'Digitalisation is a means, not a goal: every digital ambition serves a societal challenge of the municipality, such as the energy transition, the mobility transition, the circular economy, or health and wellbeing.',
    'home.pillars': 'The four pillars of the guide',
    'home.route': 'See the development route as a drawing, with what each step asks',
    'home.pillar1': 'Building the digital strategy',
    'home.pillar2':
      'Strengthening the digital foundation: infrastructure and sensors, knowledge and capacity, coordination and governance',
    'home.pillar3': 'Getting the preconditions in order, such as data ownership, ethics and financing',
    'home.pillar4': 'Working on an urban data ecosystem with new applications and services',
    'home.start': 'Get started',
    'home.signIn': 'Sign in to get started with your organisation.',
    'home.toDashboard': 'To your dashboard',
    'home.findOrganisation': 'Find your municipality or province',
    'home.openData':
      'How digitally mature are the municipalities of Zuid-Holland? The figures per group are open to everyone.',
    'home.openDataLink': 'To the open data',
    'home.signedOut': 'You are signed out.',
    'accessibility.title': 'Accessibility statement',
    'privacy.title': 'Privacy statement',
    'contact.fallback': 'the administrator of this platform',
  },
});
