import { defineMessages } from '../../core/i18n/i18n.ts';

export const secondFactorMessage = defineMessages({
  nl: {
    'step.title': 'Tweede stap: code uit uw app',
    'step.intro':
      'Open de authenticator-app op uw telefoon en vul de code van 6 cijfers in die bij Routekaart staat. Heeft u uw telefoon niet bij de hand? Vul dan een van uw herstelcodes in.',
    'step.code': 'Code',
    'step.codeHint': '6 cijfers uit de app, of een herstelcode zoals K7QX2-MP4TA.',
    'step.submit': 'Inloggen',
    'step.failed': 'Deze code klopt niet of is al gebruikt. Wacht op een nieuwe code en probeer het opnieuw.',
    'step.wait':
      'Er is te vaak een verkeerde code ingevuld. Wacht {seconds} seconden en probeer het dan opnieuw.',
    'step.expired': 'Uw inlogpoging is verlopen. Log opnieuw in met uw e-mailadres en wachtwoord.',
    'step.lost':
      'Geen telefoon en geen herstelcodes meer? Vraag de beheerder van uw organisatie om uw tweede stap opnieuw in te stellen.',
    'enrol.title': 'Tweestapsverificatie instellen',
    'enrol.required':
      'Voor uw account is een tweede stap bij het inloggen verplicht. Stel die nu in; het duurt een minuut.',
    'enrol.intro':
      'U heeft een authenticator-app nodig op uw telefoon, bijvoorbeeld die van uw organisatie, Microsoft Authenticator, Google Authenticator of FreeOTP.',
    'enrol.scan': '1. Scan deze QR-code met de app.',
    'enrol.qrLabel': 'QR-code om Routekaart aan uw authenticator-app toe te voegen',
    'enrol.manual': 'Lukt scannen niet? Voer in de app deze sleutel in (tijdgebaseerd, 6 cijfers):',
    'enrol.confirm': '2. Vul de code van 6 cijfers in die de app nu toont.',
    'enrol.submit': 'Tweestapsverificatie aanzetten',
    'enrol.failed':
      'Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat en vul de nieuwste code in.',
    'enrol.codeRequired': 'Vul de code van 6 cijfers uit de app in.',
    'codes.title': 'Uw herstelcodes',
    'codes.intro':
      'Tweestapsverificatie staat aan. Bewaar deze 10 herstelcodes op een veilige plek, bijvoorbeeld in uw wachtwoordkluis. Elke code werkt één keer, als u uw telefoon niet bij de hand heeft. U ziet ze alleen nu.',
    'codes.caption': 'Herstelcodes',
    'codes.continue': 'Verder',
    'account.title': 'Tweestapsverificatie',
    'account.active': 'Tweestapsverificatie staat aan. U heeft nog {count} ongebruikte herstelcodes.',
    'account.inactive': 'Tweestapsverificatie staat uit. Zet haar aan om uw account beter te beschermen.',
    'admin.title': 'Tweestapsverificatie in {organisation}',
    'admin.intro':
      'Hier ziet u welke collega’s een tweede stap bij het inloggen gebruiken. Verliest iemand de telefoon en de herstelcodes, dan stelt u de tweede stap opnieuw in: die collega logt dan opnieuw in en koppelt een nieuwe app.',
    'admin.policy': 'Tweestapsverificatie verplicht voor alle collega’s van {organisation}',
    'admin.policyHint':
      'Wie nog geen app heeft gekoppeld, moet dat doen bij de volgende keer inloggen. Voor platformbeheerders en netwerkcoördinatoren is het altijd verplicht.',
    'admin.policySave': 'Opslaan',
    'admin.policySaved': 'De instelling is opgeslagen.',
    'admin.members': 'Collega’s',
    'admin.name': 'Naam',
    'admin.status': 'Tweede stap',
    'admin.on': 'Aan',
    'admin.off': 'Uit',
    'admin.reset': 'Opnieuw instellen',
    'admin.resetLabel': 'Tweede stap van {name} opnieuw instellen',
    'admin.resetDone':
      'De tweede stap van {name} is gewist. Bij de volgende keer inloggen koppelt die een nieuwe app.',
    'admin.back': 'Terug naar leden',
  },
  en: {
    'step.title': 'Second step: the code from your app',
    'step.intro':
      'Open the authenticator app on your phone and enter the 6-digit code shown for Routekaart. No phone at hand? Enter one of your recovery codes instead.',
    'step.code': 'Code',
    'step.codeHint': '6 digits from the app, or a recovery code such as K7QX2-MP4TA.',
    'step.submit': 'Sign in',
    'step.failed': 'This code is not right or has been used already. Wait for a new code and try again.',
    'step.wait': 'A wrong code was entered too often. Wait {seconds} seconds, then try again.',
    'step.expired': 'Your sign-in attempt has expired. Sign in again with your e-mail address and password.',
    'step.lost':
      'No phone and no recovery codes left? Ask your organisation’s administrator to reset your second step.',
    'enrol.title': 'Set up two-step verification',
    'enrol.required':
      'Your account requires a second step when signing in. Set it up now; it takes a minute.',
    'enrol.intro':
      'You need an authenticator app on your phone, for example your organisation’s, Microsoft Authenticator, Google Authenticator or FreeOTP.',
    'enrol.scan': '1. Scan this QR code with the app.',
    'enrol.qrLabel': 'QR code that adds Routekaart to your authenticator app',
    'enrol.manual': 'Scanning does not work? Enter this key in the app (time-based, 6 digits):',
    'enrol.confirm': '2. Enter the 6-digit code the app shows now.',
    'enrol.submit': 'Turn on two-step verification',
    'enrol.failed':
      'This code is not right. Check that the time on your phone is correct and enter the latest code.',
    'enrol.codeRequired': 'Enter the 6-digit code from the app.',
    'codes.title': 'Your recovery codes',
    'codes.intro':
      'Two-step verification is on. Keep these 10 recovery codes somewhere safe, for example in your password manager. Each code works once, when you do not have your phone. You see them only now.',
    'codes.caption': 'Recovery codes',
    'codes.continue': 'Continue',
    'account.title': 'Two-step verification',
    'account.active': 'Two-step verification is on. You have {count} unused recovery codes left.',
    'account.inactive': 'Two-step verification is off. Turn it on to protect your account better.',
    'admin.title': 'Two-step verification in {organisation}',
    'admin.intro':
      'This shows which colleagues use a second step when signing in. If someone loses both their phone and their recovery codes, reset their second step: they sign in again and link a new app.',
    'admin.policy': 'Require two-step verification of every colleague of {organisation}',
    'admin.policyHint':
      'Whoever has not linked an app yet must do so the next time they sign in. Platform administrators and network coordinators always need it.',
    'admin.policySave': 'Save',
    'admin.policySaved': 'The setting has been saved.',
    'admin.members': 'Colleagues',
    'admin.name': 'Name',
    'admin.status': 'Second step',
    'admin.on': 'On',
    'admin.off': 'Off',
    'admin.reset': 'Reset',
    'admin.resetLabel': 'Reset the second step of {name}',
    'admin.resetDone':
      'The second step of {name} has been removed. They link a new app the next time they sign in.',
    'admin.back': 'Back to members',
  },
});
