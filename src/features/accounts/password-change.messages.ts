import { defineMessages } from '../../core/i18n/i18n.ts';

export const passwordChangeMessage = defineMessages({
  nl: {
    title: 'Wachtwoord wijzigen',
    intro:
      'Geef uw huidige wachtwoord en kies een nieuw. Na het wijzigen worden al uw andere sessies beëindigd en werken eerder gevraagde links voor een nieuw wachtwoord niet meer.',
    current: 'Huidig wachtwoord',
    submit: 'Wachtwoord wijzigen',
    wrong: 'Dit is niet uw huidige wachtwoord. Controleer het en probeer het opnieuw.',
    wait: 'Er is te vaak een verkeerd wachtwoord gegeven. Wacht {seconds} seconden en probeer het dan opnieuw.',
    same: 'Het nieuwe wachtwoord is hetzelfde als het huidige. Kies een ander wachtwoord.',
    changedMeanwhile:
      'Uw wachtwoord is intussen op een andere manier gewijzigd. Geef het nu geldige wachtwoord als huidig wachtwoord.',
    noPassword:
      'U logt in via uw organisatie (single sign-on). Uw wachtwoord beheert u daar; bij Routekaart heeft u geen wachtwoord.',
    link: 'Wachtwoord wijzigen',
    'mail.subject': 'Uw wachtwoord voor Routekaart is gewijzigd',
    'mail.body':
      'Beste {name},\n\nHet wachtwoord van uw Routekaart-account is zojuist gewijzigd. Al uw andere sessies zijn beëindigd.\n\nHeeft u dit niet zelf gedaan? Stel dan meteen een nieuw wachtwoord in via "Wachtwoord vergeten?" op de inlogpagina, en meld het bij de beheerder van uw organisatie.',
    'confirm.title': 'Bevestig uw wachtwoord',
    'confirm.intro':
      'Voor deze handeling vragen we uw wachtwoord opnieuw, omdat u al even geleden bent ingelogd. Daarna gaat u terug naar de pagina waar u was en kunt u de handeling opnieuw uitvoeren.',
    'confirm.password': 'Wachtwoord',
    'confirm.submit': 'Bevestigen',
    'confirm.noPassword':
      'U logt in via uw organisatie (single sign-on). Log opnieuw in via uw organisatie om deze handeling uit te voeren.',
    'confirm.signInAgain': 'Opnieuw inloggen via uw organisatie',
    'confirm.back': 'Terug zonder te bevestigen',
  },
  en: {
    title: 'Change password',
    intro:
      'Give your current password and choose a new one. After the change all your other sessions end and links for a new password asked for earlier no longer work.',
    current: 'Current password',
    submit: 'Change password',
    wrong: 'This is not your current password. Check it and try again.',
    wait: 'A wrong password has been given too often. Wait {seconds} seconds and try again.',
    same: 'The new password is the same as the current one. Choose another password.',
    changedMeanwhile:
      'Your password was changed another way in the meantime. Give the password that is valid now as the current password.',
    noPassword:
      'You sign in through your organisation (single sign-on). You manage your password there; you have no password at Routekaart.',
    link: 'Change password',
    'mail.subject': 'Your Routekaart password has been changed',
    'mail.body':
      'Dear {name},\n\nThe password of your Routekaart account has just been changed. All your other sessions have ended.\n\nDid you not do this yourself? Then set a new password at once through "Forgot your password?" on the sign-in page, and tell the administrator of your organisation.',
    'confirm.title': 'Confirm your password',
    'confirm.intro':
      'For this action we ask for your password again, because you signed in a while ago. Afterwards you return to the page where you were and can carry out the action again.',
    'confirm.password': 'Password',
    'confirm.submit': 'Confirm',
    'confirm.noPassword':
      'You sign in through your organisation (single sign-on). Sign in again through your organisation to carry out this action.',
    'confirm.signInAgain': 'Sign in again through your organisation',
    'confirm.back': 'Back without confirming',
  },
});
