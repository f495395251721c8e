import { defineMessages } from '../../core/i18n/i18n.ts';

export const roadmapPageMessage = defineMessages({
  nl: {
    'crumb.strategy': 'Strategie',
    title: 'Digitale routekaart',
    'title.public': 'Digitale routekaart van {organisation}',
    'title.regional': 'Regionale routekaart {network}',
    intro:
      'De routekaart toont de acties van de strategie “{strategy}” op een tijdlijn, per pijler. Onder de afbeelding staat dezelfde informatie als tekst, en ingedeeld in nu, straks en later.',
    'intro.public':
      'Deze routekaart is gedeeld door {organisation}. U ziet de acties van de strategie “{strategy}” op een tijdlijn, per pijler, met daaronder dezelfde informatie als tekst.',
    'intro.regional':
      'De acties van de leden van {network} die hun gegevens met naam delen, per pijler. Leden die niet met naam delen, staan er niet in. Leden die met naam delen: {members}.',
    'intro.regional.none': 'Geen enkel lid van {network} deelt met naam.',
    'empty.noStrategy':
      '{organisation} heeft nog geen digitaliseringsstrategie. Zodra er een strategie met acties is, tekenen we hier de routekaart.',
    'empty.noActions':
      'De strategie “{strategy}” heeft nog geen acties. Voeg acties toe; dan verschijnen ze hier op de routekaart.',
    'empty.regional':
      'Er is nog geen routekaart: geen van de leden die met naam delen heeft een strategie met acties.',
    'empty.toStrategy': 'Naar de strategie',
    figure: 'De routekaart als afbeelding',
    'figure.scroll': 'Routekaart, horizontaal te scrollen',
    downloads: 'Downloaden',
    'download.svg': 'Routekaart als SVG (vector, voor drukwerk en website)',
    'download.png': 'Routekaart als PNG (afdrukkwaliteit, 200 dpi op A3-breedte)',
    strategyWarnings: 'Aandachtspunten bij de strategie',
    share: 'Delen',
    'share.intro':
      'Maak een openbare link naar deze routekaart, of plaats hem op de website van uw organisatie.',
    'share.link': 'Openbare links beheren',
    'links.title': 'Openbare links naar de routekaart',
    'links.intro':
      'Met een openbare link kan iedereen de routekaart van {organisation} bekijken, zonder in te loggen. De link is niet te raden. Trekt u een link in, dan werkt hij direct niet meer, ook niet op websites waar hij is ingesloten.',
    'links.caption': 'Openbare links van {organisation}',
    'links.none': 'Er zijn nog geen openbare links.',
    'column.label': 'Omschrijving',
    'column.created': 'Gemaakt',
    'column.state': 'Status',
    'column.link': 'Link en insluitcode',
    'column.actions': 'Acties',
    'state.active': 'Actief',
    'state.revoked': 'Ingetrokken op {date}',
    createdBy: '{date} door {name}',
    'embed.label': 'Insluitcode voor “{label}”',
    'embed.hint': 'Plak deze code in de HTML van uw website.',
    'create.heading': 'Nieuwe openbare link',
    'create.label': 'Omschrijving',
    'create.label.hint': 'Waarvoor is de link? Bijvoorbeeld “Website gemeente” of “Raadsinformatiebrief”.',
    'create.submit': 'Link maken',
    created: 'De link “{label}” is gemaakt.',
    revoked: 'De link “{label}” is ingetrokken.',
    revoke: 'Intrekken',
    'revoke.label': 'Link “{label}” intrekken',
    'revoke.title': 'Link intrekken',
    'revoke.question':
      'Weet u zeker dat u de link “{label}” wilt intrekken? Wie de link gebruikt of hem op een website heeft ingesloten, ziet daarna de routekaart niet meer. Dit kunt u niet ongedaan maken; u kunt wel een nieuwe link maken.',
    'revoke.confirm': 'Ja, link intrekken',
    'revoke.cancel': 'Nee, terug',
    'revoke.already': 'Deze link is al ingetrokken.',
    'notFound.link':
      'Deze link naar een routekaart bestaat niet of is ingetrokken door de organisatie die hem deelde. Vraag de organisatie om een nieuwe link.',
    'embed.fullPage': 'Routekaart met tekstversie en downloads bekijken',
    back: 'Terug naar de routekaart',
  },
  en: {
    'crumb.strategy': 'Strategy',
    title: 'Digital roadmap',
    'title.public': 'Digital roadmap of {organisation}',
    'title.regional': 'Regional roadmap {network}',
    intro:
      'The roadmap shows the actions of the strategy “{strategy}” on a timeline, per pillar. Below the image the same information follows as text, and grouped into now, next and later.',
    'intro.public':
      'This roadmap is shared by {organisation}. It shows the actions of the strategy “{strategy}” on a timeline, per pillar, with the same information as text below.',
    'intro.regional':
      'The actions of the members of {network} that share their data by name, per pillar. Members that do not share by name are left out. Members sharing by name: {members}.',
    'intro.regional.none': 'No member of {network} shares by name.',
    'empty.noStrategy':
      '{organisation} has no digitalisation strategy yet. Once there is a strategy with actions, the roadmap is drawn here.',
    'empty.noActions':
      'The strategy “{strategy}” has no actions yet. Add actions; they then appear here on the roadmap.',
    'empty.regional':
      'There is no roadmap yet: none of the members sharing by name has a strategy with actions.',
    'empty.toStrategy': 'Go to the strategy',
    figure: 'The roadmap as an image',
    'figure.scroll': 'Roadmap, scrolls horizontally',
    downloads: 'Download',
    'download.svg': 'Roadmap as SVG (vector, for print and websites)',
    'download.png': 'Roadmap as PNG (print quality, 200 dpi at A3 width)',
    strategyWarnings: 'Points of attention in the strategy',
    share: 'Share',
    'share.intro': 'Make a public link to this roadmap, or place it on your organisation’s website.',
    'share.link': 'Manage public links',
    'links.title': 'Public links to the roadmap',
    'links.intro':
      'With a public link anyone can view the roadmap of {organisation} without signing in. The link cannot be guessed. When you revoke a link it stops working at once, also on websites where it is embedded.',
    'links.caption': 'Public links of {organisation}',
    'links.none': 'There are no public links yet.',
    'column.label': 'Description',
    'column.created': 'Created',
    'column.state': 'State',
    'column.link': 'Link and embed code',
    'column.actions': 'Actions',
    'state.active': 'Active',
    'state.revoked': 'Revoked on {date}',
    createdBy: '{date} by {name}',
    'embed.label': 'Embed code for “{label}”',
    'embed.hint': 'Paste this code into the HTML of your website.',
    'create.heading': 'New public link',
    'create.label': 'Description',
    'create.label.hint': 'What is the link for? For example “Municipal website” or “Council letter”.',
    'create.submit': 'Create link',
    created: 'The link “{label}” has been created.',
    revoked: 'The link “{label}” has been revoked.',
    revoke: 'Revoke',
    'revoke.label': 'Revoke link “{label}”',
    'revoke.title': 'Revoke link',
    'revoke.question':
      'Are you sure you want to revoke the link “{label}”? Anyone using the link, or a website embedding it, will no longer see the roadmap. This cannot be undone; you can create a new link.',
    'revoke.confirm': 'Yes, revoke the link',
    'revoke.cancel': 'No, go back',
    'revoke.already': 'This link has already been revoked.',
    'notFound.link':
      'This link to a roadmap does not exist or has been revoked by the organisation that shared it. Ask the organisation for a new link.',
    'embed.fullPage': 'View the roadmap with its text version and downloads',
    back: 'Back to the roadmap',
  },
});
