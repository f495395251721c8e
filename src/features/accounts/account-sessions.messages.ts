import { defineMessages } from '../../core/i18n/i18n.ts';

export const accountSessionsMessage = defineMessages({
  nl: {
    title: 'Uw sessies',
    intro:
      'Hier ziet u op welke apparaten u bent ingelogd. Herkent u een sessie niet? Beëindig die en kies een nieuw wachtwoord.',
    caption: 'Actieve sessies',
    device: 'Apparaat',
    started: 'Ingelogd op',
    lastUsed: 'Laatst gebruikt',
    action: 'Actie',
    unknownDevice: 'Onbekend apparaat',
    deviceName: '{browser} op {system}',
    current: 'Deze sessie',
    end: 'Beëindigen',
    endLabel: 'Beëindig de sessie op {device}, laatst gebruikt {lastUsed}',
    endOthers: 'Beëindig alle andere sessies',
    ended: 'De sessie is beëindigd.',
    othersEnded: 'Alle andere sessies zijn beëindigd.',
    passwordChanged:
      'Uw wachtwoord is gewijzigd. Al uw andere sessies zijn beëindigd; u krijgt een bevestiging per e-mail.',
    changePassword: 'Wachtwoord wijzigen',
    notFound: 'Deze sessie bestaat niet meer.',
    lifetimes:
      'Een sessie eindigt na {idle} minuten zonder gebruik, en in elk geval {absolute} uur na het inloggen.',
  },
  en: {
    title: 'Your sessions',
    intro:
      'This is where you are signed in. Do you not recognise a session? End it and choose a new password.',
    caption: 'Active sessions',
    device: 'Device',
    started: 'Signed in on',
    lastUsed: 'Last used',
    action: 'Action',
    unknownDevice: 'Unknown device',
    deviceName: '{browser} on {system}',
    current: 'This session',
    end: 'End',
    endLabel: 'End the session on {device}, last used {lastUsed}',
    endOthers: 'End all other sessions',
    ended: 'The session has ended.',
    othersEnded: 'All other sessions have ended.',
    passwordChanged:
      'Your password has been changed. All your other sessions have ended; you will get a confirmation by e-mail.',
    changePassword: 'Change password',
    notFound: 'This session no longer exists.',
    lifetimes:
      'A session ends after {idle} minutes without use, and in any case {absolute} hours after signing in.',
  },
});
