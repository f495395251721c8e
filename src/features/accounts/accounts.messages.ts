import { defineMessages } from '../../core/i18n/i18n.ts';

export const accountsMessage = defineMessages({
  nl: {
    'login.title': 'Inloggen',
    'login.intro': 'Log in met het e-mailadres en wachtwoord van uw Routekaart-account.',
    'login.email': 'E-mailadres',
    'login.password': 'Wachtwoord',
    'login.submit': 'Inloggen',
    'login.forgot': 'Wachtwoord vergeten?',
    'login.organisation': 'Inloggen via uw organisatie (single sign-on)',
    'login.failed':
      'Deze combinatie van e-mailadres en wachtwoord kennen we niet. Controleer ze en probeer het opnieuw.',
    'login.wait':
      'Er is te vaak geprobeerd in te loggen. Wacht {seconds} seconden en probeer het dan opnieuw. Wachtwoord vergeten? Stel een nieuw wachtwoord in.',
    'login.noAccount': 'Nog geen account? Vraag de beheerder van uw organisatie om een uitnodiging.',
    'forgot.title': 'Wachtwoord vergeten',
    'forgot.intro':
      'Vul uw e-mailadres in. U krijgt een e-mail met een link om een nieuw wachtwoord in te stellen.',
    'forgot.submit': 'Stuur de link',
    'forgot.sent':
      'Als dit e-mailadres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail met een link. De link is 1 uur geldig.',
    'forgot.mail.subject': 'Nieuw wachtwoord instellen voor Routekaart',
    'forgot.mail.body':
      'Beste {name},\n\nU (of iemand anders) vroeg een nieuw wachtwoord aan voor Routekaart. Stel het in via deze link, die 1 uur geldig is:\n\n{link}\n\nHeeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.',
    'reset.title': 'Nieuw wachtwoord instellen',
    'reset.submit': 'Wachtwoord opslaan',
    'reset.done': 'Uw nieuwe wachtwoord is opgeslagen. U bent ingelogd.',
    'link.invalid.title': 'Deze link werkt niet meer',
    'link.invalid': 'De link is verlopen of al gebruikt. Vraag een nieuwe aan.',
    'password.new': 'Nieuw wachtwoord',
    'password.confirm': 'Herhaal het wachtwoord',
    'password.hint': 'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.',
    'password.tooShort': 'Het wachtwoord moet minstens 12 tekens hebben.',
    'password.tooLong': 'Het wachtwoord mag maximaal 256 tekens hebben.',
    'password.tooSimple':
      'Dit wachtwoord is te makkelijk te raden. Kies een langere zin zonder uw naam of e-mailadres.',
    'password.mismatch': 'De twee wachtwoorden zijn niet gelijk.',
    name: 'Naam',
    'setup.title': 'Platformbeheerder aanmaken',
    'setup.intro':
      'Dit is een nieuwe installatie van Routekaart. Maak het account aan van de platformbeheerder: die beheert organisaties, accounts en instellingen. Deze link werkt één keer.',
    'setup.submit': 'Beheerder aanmaken',
    'setup.done': 'Het account van de platformbeheerder is aangemaakt en u bent ingelogd.',
    'setup.emailTaken':
      'Er bestaat al een account met dit e-mailadres. Kies een ander adres voor de platformbeheerder.',
    'invitation.title': 'Uitnodiging voor {organisation}',
    'invitation.intro':
      '{inviter} nodigt u uit om als {role} mee te werken aan de Routekaart van {organisation}.',
    'invitation.newAccount': 'Maak uw account aan om de uitnodiging aan te nemen.',
    'invitation.signInFirst':
      'U heeft al een account met {email}. Log eerst in; daarna neemt u hier de uitnodiging aan.',
    'invitation.wrongUser':
      'Deze uitnodiging is voor {email}, maar u bent ingelogd als {current}. Log uit en log in met het juiste account.',
    'invitation.accept': 'Uitnodiging aannemen',
    'invitation.accepted': 'Welkom! U bent nu {role} bij {organisation}.',
    'invitation.mail.subject': 'Uitnodiging voor Routekaart van {organisation}',
    'invitation.mail.body':
      'Beste collega,\n\n{inviter} nodigt u uit om als {role} mee te werken aan de Routekaart van {organisation}: het platform waarop gemeenten hun digitaliseringsstrategie opbouwen, meten en delen.\n\nNeem de uitnodiging aan via deze link (7 dagen geldig):\n\n{link}\n\nVerwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.',
    'logout.done': 'U bent uitgelogd.',
    'forgot.tooMany':
      'Vanaf dit adres zijn in het afgelopen uur te veel links aangevraagd. Probeer het over een uur opnieuw.',
    'notice.mail.subject': 'Mislukte inlogpogingen op uw Routekaart-account',
    'notice.mail.body':
      'Beste {name},\n\nEr is {failures} keer achter elkaar geprobeerd in te loggen op uw Routekaart-account met een verkeerd wachtwoord. Was u dat zelf? Dan hoeft u niets te doen.\n\nWas u het niet? Uw account blijft bruikbaar; kies voor de zekerheid een nieuw wachtwoord via "Wachtwoord vergeten?" op de inlogpagina, en meld het bij de beheerder van uw organisatie.',
  },
  en: {
    'login.title': 'Sign in',
    'login.intro': 'Sign in with the e-mail address and password of your Routekaart account.',
    'login.email': 'E-mail address',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.forgot': 'Forgot your password?',
    'login.organisation': 'Sign in through your organisation (single sign-on)',
    'login.failed':
      'We do not know this combination of e-mail address and password. Check them and try again.',
    'login.wait':
      'There have been too many attempts to sign in. Wait {seconds} seconds and try again. Forgot your password? Set a new one.',
    'login.noAccount': 'No account yet? Ask the administrator of your organisation for an invitation.',
    'forgot.title': 'Forgot your password',
    'forgot.intro':
      'Enter your e-mail address. You will receive an e-mail with a link to set a new password.',
    'forgot.submit': 'Send the link',
    'forgot.sent':
      'If we know this e-mail address, you will receive an e-mail with a link within a few minutes. The link is valid for 1 hour.',
    'forgot.mail.subject': 'Set a new password for Routekaart',
    'forgot.mail.body':
      'Dear {name},\n\nYou (or someone else) asked for a new password for Routekaart. Set it with this link, which is valid for 1 hour:\n\n{link}\n\nDid you not ask for this? Then you can ignore this e-mail; your password stays the same.',
    'reset.title': 'Set a new password',
    'reset.submit': 'Save password',
    'reset.done': 'Your new password has been saved. You are signed in.',
    'link.invalid.title': 'This link no longer works',
    'link.invalid': 'The link has expired or has already been used. Ask for a new one.',
    'password.new': 'New password',
    'password.confirm': 'Repeat the password',
    'password.hint': 'At least 12 characters. A sentence of a few words is strong and easy to remember.',
    'password.tooShort': 'The password must have at least 12 characters.',
    'password.tooLong': 'The password can have at most 256 characters.',
    'password.tooSimple':
      'This password is too easy to guess. Choose a longer sentence without your name or e-mail address.',
    'password.mismatch': 'The two passwords are not the same.',
    name: 'Name',
    'setup.title': 'Create the platform administrator',
    'setup.intro':
      'This is a new installation of Routekaart. Create the account of the platform administrator, who manages organisations, accounts and settings. This link works once.',
    'setup.submit': 'Create administrator',
    'setup.done': 'The platform administrator account has been created and you are signed in.',
    'setup.emailTaken':
      'An account with this e-mail address already exists. Choose another address for the platform administrator.',
    'invitation.title': 'Invitation for {organisation}',
    'invitation.intro': '{inviter} invites you to work on the Routekaart of {organisation} as {role}.',
    'invitation.newAccount': 'Create your account to accept the invitation.',
    'invitation.signInFirst':
      'You already have an account with {email}. Sign in first; then accept the invitation here.',
    'invitation.wrongUser':
      'This invitation is for {email}, but you are signed in as {current}. Sign out and sign in with the right account.',
    'invitation.accept': 'Accept invitation',
    'invitation.accepted': 'Welcome! You are now {role} at {organisation}.',
    'invitation.mail.subject': 'Invitation to the Routekaart of {organisation}',
    'invitation.mail.body':
      'Dear colleague,\n\n{inviter} invites you to work on the Routekaart of {organisation} as {role}: the platform on which municipalities build, measure and share their digitalisation strategy.\n\nAccept the invitation with this link (valid for 7 days):\n\n{link}\n\nDid you not expect this invitation? Then you can ignore this e-mail.',
    'logout.done': 'You are signed out.',
    'forgot.tooMany':
      'Too many links were requested from this address in the past hour. Try again in an hour.',
    'notice.mail.subject': 'Failed sign-in attempts on your Routekaart account',
    'notice.mail.body':
      'Dear {name},\n\nSomeone tried {failures} times in a row to sign in to your Routekaart account with a wrong password. Was that you? Then there is nothing to do.\n\nWas it not you? Your account stays usable; to be safe, choose a new password through "Forgot your password?" on the sign-in page, and tell the administrator of your organisation.',
  },
});
