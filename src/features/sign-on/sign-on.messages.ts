import { defineMessages } from '../../core/i18n/i18n.ts';

export const signOnMessage = defineMessages({
  nl: {
    'start.title': 'Inloggen via uw organisatie',
    'start.intro':
      'Werkt uw organisatie met een eigen inlogdienst (single sign-on)? Vul uw e-mailadres van het werk in; u logt dan in bij uw organisatie en komt daarna terug in Routekaart.',
    'start.email': 'E-mailadres van het werk',
    'start.submit': 'Verder naar uw organisatie',
    'start.unknown':
      'Voor dit e-mailadres is geen inlogdienst van een organisatie ingesteld. Log in met uw wachtwoord, of vraag de beheerder van uw organisatie.',
    'start.unreachable':
      'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw of log in met uw wachtwoord.',
    'login.link': 'Inloggen via uw organisatie (single sign-on)',
    'problem.title': 'Inloggen via uw organisatie is niet gelukt',
    'problem.state':
      'Deze inlogpoging is verlopen, al gebruikt of in een andere browser begonnen. Begin opnieuw.',
    'problem.cancelled': 'Het inloggen bij uw organisatie is afgebroken.',
    'problem.signature':
      'Het antwoord van de inlogdienst had geen geldige handtekening. Uit veiligheid is het geweigerd.',
    'problem.claims':
      'Het antwoord van de inlogdienst was niet voor Routekaart bedoeld of kwam van een andere uitgever. Uit veiligheid is het geweigerd.',
    'problem.expired': 'Het antwoord van de inlogdienst was verlopen. Begin opnieuw.',
    'problem.provider':
      'De inlogdienst van uw organisatie gaf een antwoord dat we niet konden controleren. Probeer het later opnieuw.',
    'problem.noEmail': 'De inlogdienst gaf geen bevestigd e-mailadres door.',
    'problem.domain':
      'Uw e-mailadres valt niet onder de domeinen waarvoor de inlogdienst van deze organisatie instaat.',
    'problem.notMember':
      'U bent geen lid (meer) van deze organisatie in Routekaart. Vraag de beheerder om een uitnodiging.',
    'problem.existingAccount':
      'Er bestaat al een Routekaart-account met dit e-mailadres dat geen lid is van deze organisatie. Log in met uw wachtwoord, of vraag de beheerder om een uitnodiging.',
    'problem.assurance':
      'De inlogdienst van uw organisatie bevestigde niet dat u bent ingelogd met het betrouwbaarheidsniveau dat uw organisatie voor Routekaart vraagt. Log opnieuw in, zo nodig met een sterker inlogmiddel, of neem contact op met de beheerder.',
    'problem.pending':
      'Welkom! Een beheerder van uw organisatie moet uw account nog goedkeuren. U krijgt toegang zodra dat gebeurd is; log dan opnieuw in.',
    'problem.again': 'Opnieuw inloggen',
    'settings.title': 'Inloggen via de eigen inlogdienst van {organisation}',
    'settings.intro':
      'Koppel de inlogdienst (OpenID Connect) van uw organisatie. Collega’s met een e-mailadres uit de domeinen hieronder loggen dan in bij uw organisatie. Routekaart gebruikt de authorization code flow met PKCE en controleert handtekening, uitgever, doelgroep, geldigheid, state en nonce.',
    'settings.redirectUri': 'Redirect-URI om bij de inlogdienst te registreren:',
    'settings.jwks': 'Publieke sleutel van Routekaart (voor private_key_jwt):',
    'settings.issuer': 'Issuer (uitgever)',
    'settings.issuerHint':
      'Het adres van de inlogdienst, bijvoorbeeld https://login.gemeente.nl/realms/medewerkers.',
    'settings.issuerInvalid': 'Vul een https-adres in (http alleen voor een dienst op deze computer).',
    'settings.unreachable':
      'Routekaart kon de configuratie (/.well-known/openid-configuration) van deze issuer niet ophalen of de issuer klopt niet.',
    'settings.clientId': 'Client-ID',
    'settings.authMethod': 'Hoe Routekaart zich bij de inlogdienst bekendmaakt',
    'settings.clientSecretBasic': 'Met een client secret',
    'settings.privateKeyJwt': 'Met een ondertekende verklaring (private_key_jwt, aanbevolen in NL GOV)',
    'settings.clientSecret': 'Client secret',
    'settings.clientSecretHint': 'Wordt versleuteld opgeslagen. Laat leeg om het bewaarde secret te houden.',
    'settings.secretRequired': 'Vul het client secret in.',
    'settings.domains': 'E-maildomeinen waarvoor de inlogdienst instaat',
    'settings.domainsHint': 'Eén of meer, gescheiden door komma’s, bijvoorbeeld gemeente.nl, stad.nl.',
    'settings.domainsInvalid': 'Vul minstens één geldig domein in, zoals gemeente.nl.',
    'settings.domainTaken': 'Het domein {domain} hoort al bij een andere organisatie.',
    'settings.newColleagues': 'Een nieuwe collega die voor het eerst inlogt',
    'settings.create': 'krijgt meteen een account met de standaardrol',
    'settings.approve': 'wacht op goedkeuring van een beheerder',
    'settings.defaultRole': 'Standaardrol voor nieuwe collega’s',
    'settings.requiredAcr': 'Vereist betrouwbaarheidsniveau',
    'settings.requiredAcrHint':
      'Het eIDAS-niveau dat de inlogdienst moet bevestigen (acr, volgens het NL GOV Assurance-profiel voor OpenID Connect). Een lager of ontbrekend niveau wordt geweigerd.',
    'settings.requiredAcrInvalid': 'Kies een van de betrouwbaarheidsniveaus uit de lijst.',
    'settings.acr.none': 'Geen eis',
    'settings.acr.low': 'Laag (eIDAS low)',
    'settings.acr.substantial': 'Substantieel (eIDAS substantial)',
    'settings.acr.high': 'Hoog (eIDAS high)',
    'settings.save': 'Opslaan',
    'settings.saved': 'De koppeling is opgeslagen.',
    'settings.remove': 'Koppeling verwijderen',
    'settings.removed': 'De koppeling is verwijderd. Collega’s loggen weer in met hun wachtwoord.',
    'requests.title': 'Wachten op goedkeuring',
    'requests.caption': 'Nieuwe collega’s die via de inlogdienst inlogden',
    'requests.name': 'Naam',
    'requests.email': 'E-mailadres',
    'requests.decide': 'Besluit',
    'requests.approve': 'Goedkeuren',
    'requests.refuse': 'Weigeren',
    'requests.approveLabel': '{name} goedkeuren',
    'requests.refuseLabel': '{name} weigeren',
    'requests.approved': '{name} heeft nu een account.',
    'requests.refused': 'Het verzoek van {name} is geweigerd.',
    'requests.gone': 'Dit verzoek bestaat niet meer.',
    'requests.emailTaken': 'Er bestaat al een account met dit e-mailadres; nodig die collega uit.',
  },
  en: {
    'start.title': 'Sign in through your organisation',
    'start.intro':
      'Does your organisation have its own sign-in service (single sign-on)? Enter your work e-mail address; you sign in with your organisation and then return to Routekaart.',
    'start.email': 'Work e-mail address',
    'start.submit': 'Continue to your organisation',
    'start.unknown':
      'No organisation’s sign-in service is set up for this e-mail address. Sign in with your password, or ask your organisation’s administrator.',
    'start.unreachable':
      'Your organisation’s sign-in service cannot be reached now. Try again later or sign in with your password.',
    'login.link': 'Sign in through your organisation (single sign-on)',
    'problem.title': 'Signing in through your organisation did not work',
    'problem.state':
      'This sign-in attempt has expired, was used already or was started in another browser. Start again.',
    'problem.cancelled': 'Signing in with your organisation was cancelled.',
    'problem.signature':
      'The sign-in service’s answer did not carry a valid signature. It was refused for your safety.',
    'problem.claims':
      'The sign-in service’s answer was not meant for Routekaart or came from another issuer. It was refused for your safety.',
    'problem.expired': 'The sign-in service’s answer had expired. Start again.',
    'problem.provider':
      'Your organisation’s sign-in service gave an answer we could not check. Try again later.',
    'problem.noEmail': 'The sign-in service did not pass on a confirmed e-mail address.',
    'problem.domain':
      'Your e-mail address is not in the domains this organisation’s sign-in service vouches for.',
    'problem.notMember':
      'You are not (or no longer) a member of this organisation in Routekaart. Ask the administrator for an invitation.',
    'problem.existingAccount':
      'A Routekaart account with this e-mail address exists that is not a member of this organisation. Sign in with your password, or ask the administrator for an invitation.',
    'problem.assurance':
      'Your organisation’s sign-in service did not confirm that you signed in at the level of assurance your organisation requires for Routekaart. Sign in again, with a stronger means if needed, or contact the administrator.',
    'problem.pending':
      'Welcome! An administrator of your organisation still has to approve your account. You get access once that is done; then sign in again.',
    'problem.again': 'Sign in again',
    'settings.title': 'Signing in through the own sign-in service of {organisation}',
    'settings.intro':
      'Connect your organisation’s sign-in service (OpenID Connect). Colleagues with an e-mail address in the domains below then sign in with your organisation. Routekaart uses the authorisation code flow with PKCE and checks signature, issuer, audience, expiry, state and nonce.',
    'settings.redirectUri': 'Redirect URI to register with the sign-in service:',
    'settings.jwks': 'Routekaart’s public key (for private_key_jwt):',
    'settings.issuer': 'Issuer',
    'settings.issuerHint':
      'The sign-in service’s address, for example https://login.gemeente.nl/realms/staff.',
    'settings.issuerInvalid': 'Enter an https address (http only for a service on this computer).',
    'settings.unreachable':
      'Routekaart could not fetch the configuration (/.well-known/openid-configuration) of this issuer, or the issuer does not match.',
    'settings.clientId': 'Client ID',
    'settings.authMethod': 'How Routekaart identifies itself to the sign-in service',
    'settings.clientSecretBasic': 'With a client secret',
    'settings.privateKeyJwt': 'With a signed assertion (private_key_jwt, recommended by NL GOV)',
    'settings.clientSecret': 'Client secret',
    'settings.clientSecretHint': 'Stored encrypted. Leave empty to keep the stored secret.',
    'settings.secretRequired': 'Enter the client secret.',
    'settings.domains': 'E-mail domains the sign-in service vouches for',
    'settings.domainsHint': 'One or more, separated by commas, for example gemeente.nl, stad.nl.',
    'settings.domainsInvalid': 'Enter at least one valid domain, such as gemeente.nl.',
    'settings.domainTaken': 'The domain {domain} already belongs to another organisation.',
    'settings.newColleagues': 'A new colleague who signs in for the first time',
    'settings.create': 'gets an account with the default role at once',
    'settings.approve': 'waits for an administrator’s approval',
    'settings.defaultRole': 'Default role for new colleagues',
    'settings.requiredAcr': 'Required level of assurance',
    'settings.requiredAcrHint':
      'The eIDAS level the sign-in service must confirm (acr, following the NL GOV Assurance profile for OpenID Connect). A lower or missing level is refused.',
    'settings.requiredAcrInvalid': 'Choose one of the levels of assurance in the list.',
    'settings.acr.none': 'None required',
    'settings.acr.low': 'Low (eIDAS low)',
    'settings.acr.substantial': 'Substantial (eIDAS substantial)',
    'settings.acr.high': 'High (eIDAS high)',
    'settings.save': 'Save',
    'settings.saved': 'The connection has been saved.',
    'settings.remove': 'Remove the connection',
    'settings.removed': 'The connection has been removed. Colleagues sign in with their password again.',
    'requests.title': 'Waiting for approval',
    'requests.caption': 'New colleagues who signed in through the sign-in service',
    'requests.name': 'Name',
    'requests.email': 'E-mail address',
    'requests.decide': 'Decision',
    'requests.approve': 'Approve',
    'requests.refuse': 'Refuse',
    'requests.approveLabel': 'Approve {name}',
    'requests.refuseLabel': 'Refuse {name}',
    'requests.approved': '{name} now has an account.',
    'requests.refused': 'The request of {name} has been refused.',
    'requests.gone': 'This request no longer exists.',
    'requests.emailTaken': 'An account with this e-mail address exists already; invite that colleague.',
  },
});
