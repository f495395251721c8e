import { defineMessages } from '../../core/i18n/i18n.ts';

/** Texts of the public forms, the download link, spam refusals and the mails to requesters. */
const nl = {
  'brigade.privacyLink': 'Privacyverklaring',
  'brigade.homeLink': 'Naar de startpagina',
  'guide.title': 'Handreiking digitaliseringsstrategie aanvragen',
  'guide.lead':
    'De volledige handreiking van de Provincie Zuid-Holland en de MRDH bevat ook de regionale projectenkaart en de kansen voor samenwerking tussen gemeenten. Vraag hem hier aan: u krijgt een persoonlijke downloadlink per e-mail.',
  'guide.name': 'Naam',
  'guide.email': 'E-mailadres',
  'guide.organisation': 'Organisatie',
  'guide.organisation.choose': 'Kies uw organisatie',
  'guide.organisation.other': 'Andere organisatie',
  'guide.organisationOther': 'Naam van uw organisatie',
  'guide.organisationOther.description': 'Alleen invullen als u hierboven "Andere organisatie" kiest.',
  'guide.role': 'Functie',
  'guide.purpose': 'Waarvoor gebruikt u de handreiking?',
  'guide.consent': 'Ik ga akkoord met de verwerking van mijn gegevens volgens de privacyverklaring.',
  'guide.consent.label': 'toestemming',
  'guide.consent.required':
    'Geef toestemming voor de verwerking van uw gegevens om de handreiking te ontvangen.',
  'guide.submit': 'Handreiking aanvragen',
  'guide.thanks.title': 'Uw aanvraag is ontvangen',
  'guide.thanks.body':
    'We hebben uw aanvraag opgeslagen. U ontvangt binnen enkele minuten een e-mail met uw persoonlijke downloadlink. De link is 30 dagen geldig.',
  'guide.mail.subject': 'Uw downloadlink voor de handreiking digitaliseringsstrategie',
  'guide.mail.body':
    'Beste {name},\n\nBedankt voor uw aanvraag. Met deze persoonlijke link downloadt u de handreiking digitaliseringsstrategie:\n\n{link}\n\nDe link is geldig tot en met {expires}. Deel hem niet: hij is alleen voor u bedoeld.\n\nMet vriendelijke groet,\n{operator}',
  'download.title': 'Handreiking digitaliseringsstrategie',
  'download.body': 'Hier downloadt u de actuele versie (versie {version}, {size}) van de handreiking.',
  'download.button': 'Download de handreiking (PDF)',
  'download.notYet':
    'De handreiking wordt op dit moment bijgewerkt en is nog niet beschikbaar. Probeer het later opnieuw met dezelfde link.',
  'download.expired':
    'Deze downloadlink is verlopen of bestaat niet. Vraag de handreiking opnieuw aan, of vraag de coördinator om uw link te verlengen.',
  'download.expiresOn': 'Deze link is geldig tot en met {date}.',
  'brigade.title': 'Een vraag stellen aan de Connectiviteit Brigade',
  'brigade.error.municipality': 'Kies de gemeente waarvoor u de vraag stelt.',
  'brigade.error.contactName': 'Vul de naam van de contactpersoon in.',
  'brigade.error.contactEmail': 'Vul het e-mailadres in waarop wij u kunnen bereiken.',
  'brigade.error.category': 'Kies waarover uw vraag gaat.',
  'brigade.error.description': 'Beschrijf uw vraag.',
  'brigade.error.urgency': 'Kies hoe dringend uw vraag is.',
  'brigade.error.contactPreference': 'Kies hoe u benaderd wilt worden.',
  'brigade.error.contactPhone': 'Een telefoonnummer heeft hoogstens 40 tekens.',
  'brigade.error.consent':
    'Geef toestemming voor de verwerking van uw gegevens, zodat de coördinatoren uw vraag kunnen behandelen.',
  'brigade.lead':
    'De Connectiviteit Brigade van de provincie, de MRDH, Den Haag en Rotterdam helpt gemeenten gratis met vragen over 5G en glasvezel. Beschrijf uw vraag: samen stellen we een opdrachtbeschrijving op, waarna experts en een extern adviesbureau (maximaal 10 dagen per vraag) met u aan de slag gaan.',
  'brigade.signedInHint':
    'Werkt u bij een gemeente en heeft u een account? Log dan in: u volgt uw vraag daarna in Routekaart.',
  'brigade.municipality': 'Gemeente',
  'brigade.municipality.choose': 'Kies uw gemeente',
  'brigade.contactName': 'Contactpersoon',
  'brigade.contactEmail': 'E-mailadres',
  'brigade.contactPhone': 'Telefoonnummer',
  'brigade.category': 'Waarover gaat uw vraag?',
  'brigade.description': 'Beschrijving van uw vraag',
  'brigade.description.hint': 'Wat speelt er, wat wilt u bereiken, en wie zijn er al bij betrokken?',
  'brigade.urgency': 'Urgentie',
  'brigade.contactPreference': 'Hoe wilt u benaderd worden?',
  'brigade.submit': 'Vraag indienen',
  'brigade.thanks.title': 'Uw vraag is ingediend',
  'brigade.thanks.body':
    'We hebben uw vraag opgeslagen en sturen u een bevestiging per e-mail. Een coördinator neemt contact met u op. Bij elke statuswijziging krijgt u bericht.',
  'brigade.mail.subject': 'Uw vraag aan de Connectiviteit Brigade is ontvangen (nr. {id})',
  'brigade.mail.body':
    'Beste {name},\n\nWe hebben uw vraag aan de Connectiviteit Brigade ontvangen (nummer {id}, onderwerp: {category}). Een coördinator neemt contact met u op. Bij elke statuswijziging krijgt u een e-mail.\n\nMet vriendelijke groet,\n{operator}',
  'brigade.coordinatorMail.subject': 'Nieuwe vraag voor de Connectiviteit Brigade: {organisation} (nr. {id})',
  'brigade.coordinatorMail.body':
    'Er is een nieuwe vraag voor de Connectiviteit Brigade binnengekomen.\n\nGemeente: {organisation}\nOnderwerp: {category}\nUrgentie: {urgency}\n\nBekijk en behandel de vraag:\n{link}\n\n{operator}',
  'brigade.fromScan.intro':
    'Onze zelfscan {period} scoort laag op connectiviteit. Onze antwoorden op de vragen over infrastructuur en sensoriek:',
  'brigade.fromScan.answer': '- {question} Niveau {level} van 5.',
  'brigade.fromScan.ask':
    'Wij willen graag hulp om connectiviteit op de agenda te zetten. (Vul aan wat u precies wilt weten.)',
  'brigade.fromScan.note':
    'Deze vraag is voorbereid uit uw zelfscan. Pas de tekst gerust aan; de coördinatoren zien dat hij uit de zelfscan komt.',
  'brigade.fromScan.offer':
    'Uw zelfscan scoort laag op connectiviteit (infrastructuur en sensoriek). De Connectiviteit Brigade helpt gratis.',
  'brigade.fromScan.offerLink': 'Stel een vraag aan de Brigade, voorbereid uit uw zelfscan',
  'brigade.fromScan.badge': 'uit de zelfscan',
  'guide.route': 'Bekijk de ontwikkelroute van de handreiking als tekening',
  'category.agenda': 'Connectiviteit op de agenda zetten',
  'category.explain': 'Uitleg over 5G en glasvezel en de rol van de gemeente',
  'category.antenna': 'Antennebeleid',
  'category.fibre': 'Glasvezelstrategie, glasvezel op een locatie, gesprekken met marktpartijen',
  'category.innovation': '5G-innovatie stimuleren',
  'category.risks': 'Vragen over gezondheids- of spionagerisico’s beantwoorden',
  'category.other': 'Anders',
  'urgency.low': 'Geen haast',
  'urgency.normal': 'Binnen enkele weken',
  'urgency.high': 'Dringend',
  'preference.email': 'Per e-mail',
  'preference.phone': 'Telefonisch',
  'preference.meeting': 'In een (online) gesprek',
  'spam.honeypot.label': 'Laat dit veld leeg',
  'spam.honeypot':
    'Het verborgen controleveld is ingevuld, daarom is uw aanvraag niet verzonden. Laat het veld "Laat dit veld leeg" leeg en verzend het formulier opnieuw.',
  'spam.tooFast':
    'Het formulier is wel erg snel verzonden, daarom hebben we het niet opgeslagen. Controleer uw gegevens hieronder en verzend het formulier opnieuw.',
  'spam.stampInvalid':
    'Het formulier is verlopen of onvolledig, daarom hebben we het niet opgeslagen. Uw gegevens staan er nog: controleer ze en verzend opnieuw.',
  'spam.rateLimited':
    'Vanaf uw internetadres zijn het afgelopen uur al veel formulieren verzonden, daarom hebben we dit formulier niet opgeslagen. Uw gegevens staan er nog: probeer het over een uur opnieuw.',
} as const;

type Key = keyof typeof nl;

const en: Record<Key, string> = {
  'brigade.privacyLink': 'Privacy statement',
  'brigade.homeLink': 'To the home page',
  'guide.title': 'Request the digitalisation strategy guide',
  'guide.lead':
    'The full guide of the Province of Zuid-Holland and MRDH also contains the regional project map and the opportunities for collaboration between municipalities. Request it here: you will receive a personal download link by e-mail.',
  'guide.name': 'Name',
  'guide.email': 'E-mail address',
  'guide.organisation': 'Organisation',
  'guide.organisation.choose': 'Choose your organisation',
  'guide.organisation.other': 'Another organisation',
  'guide.organisationOther': 'Name of your organisation',
  'guide.organisationOther.description': 'Only fill this in when you chose "Another organisation" above.',
  'guide.role': 'Job title',
  'guide.purpose': 'What will you use the guide for?',
  'guide.consent': 'I agree to the processing of my data as described in the privacy statement.',
  'guide.consent.label': 'consent',
  'guide.consent.required': 'Give your consent to the processing of your data to receive the guide.',
  'guide.submit': 'Request the guide',
  'guide.thanks.title': 'Your request has been received',
  'guide.thanks.body':
    'We have stored your request. Within a few minutes you will receive an e-mail with your personal download link. The link is valid for 30 days.',
  'guide.mail.subject': 'Your download link for the digitalisation strategy guide',
  'guide.mail.body':
    'Dear {name},\n\nThank you for your request. Use this personal link to download the digitalisation strategy guide:\n\n{link}\n\nThe link is valid up to and including {expires}. Do not share it: it is meant for you only.\n\nKind regards,\n{operator}',
  'download.title': 'Digitalisation strategy guide',
  'download.body': 'Download the current version (version {version}, {size}) of the guide here.',
  'download.button': 'Download the guide (PDF)',
  'download.notYet':
    'The guide is being updated and is not available yet. Please try again later with the same link.',
  'download.expired':
    'This download link has expired or does not exist. Request the guide again, or ask the coordinator to renew your link.',
  'download.expiresOn': 'This link is valid up to and including {date}.',
  'brigade.title': 'Ask the Connectiviteit Brigade a question',
  'brigade.error.municipality': 'Choose the municipality you are asking for.',
  'brigade.error.contactName': 'Enter the name of the contact person.',
  'brigade.error.contactEmail': 'Enter the e-mail address at which we can reach you.',
  'brigade.error.category': 'Choose what your question is about.',
  'brigade.error.description': 'Describe your question.',
  'brigade.error.urgency': 'Choose how urgent your question is.',
  'brigade.error.contactPreference': 'Choose how you would like to be contacted.',
  'brigade.error.contactPhone': 'A phone number has at most 40 characters.',
  'brigade.error.consent':
    'Give your consent to the processing of your data, so that the coordinators can handle your question.',
  'brigade.lead':
    'The Connectiviteit Brigade of the province, MRDH, The Hague and Rotterdam gives municipalities free help with questions about 5G and fibre. Describe your question: together we write an assignment description, after which experts and an external advisory firm (at most 10 days per question) work on it with you.',
  'brigade.signedInHint':
    'Do you work for a municipality and have an account? Sign in: you can then follow your question in Routekaart.',
  'brigade.municipality': 'Municipality',
  'brigade.municipality.choose': 'Choose your municipality',
  'brigade.contactName': 'Contact person',
  'brigade.contactEmail': 'E-mail address',
  'brigade.contactPhone': 'Phone number',
  'brigade.category': 'What is your question about?',
  'brigade.description': 'Description of your question',
  'brigade.description.hint': 'What is going on, what do you want to achieve, and who is involved already?',
  'brigade.urgency': 'Urgency',
  'brigade.contactPreference': 'How would you like to be contacted?',
  'brigade.submit': 'Submit question',
  'brigade.thanks.title': 'Your question has been submitted',
  'brigade.thanks.body':
    'We have stored your question and will send you a confirmation by e-mail. A coordinator will contact you. You will be notified at every change of status.',
  'brigade.mail.subject': 'Your question to the Connectiviteit Brigade has been received (no. {id})',
  'brigade.mail.body':
    'Dear {name},\n\nWe have received your question to the Connectiviteit Brigade (number {id}, subject: {category}). A coordinator will contact you. You will receive an e-mail at every change of status.\n\nKind regards,\n{operator}',
  'brigade.coordinatorMail.subject': 'New question for the Connectiviteit Brigade: {organisation} (no. {id})',
  'brigade.coordinatorMail.body':
    'A new question for the Connectiviteit Brigade has come in.\n\nMunicipality: {organisation}\nSubject: {category}\nUrgency: {urgency}\n\nView and handle the question:\n{link}\n\n{operator}',
  'brigade.fromScan.intro':
    'Our scan of {period} scores low on connectivity. Our answers to the questions on infrastructure and sensors:',
  'brigade.fromScan.answer': '- {question} Level {level} of 5.',
  'brigade.fromScan.ask':
    'We would like help to put connectivity on the agenda. (Add what exactly you want to know.)',
  'brigade.fromScan.note':
    'This question is prepared from your scan. Feel free to change the text; the coordinators see that it comes from the scan.',
  'brigade.fromScan.offer':
    'Your scan scores low on connectivity (infrastructure and sensors). The Connectiviteit Brigade helps for free.',
  'brigade.fromScan.offerLink': 'Ask the Brigade a question, prepared from your scan',
  'brigade.fromScan.badge': 'from the scan',
  'guide.route': "See the handreiking's development route as a drawing",
  'category.agenda': 'Putting connectivity on the agenda',
  'category.explain': "Explaining 5G and fibre and the municipality's role",
  'category.antenna': 'Antenna policy',
  'category.fibre': 'Fibre strategy, fibre at a location, talks with market parties',
  'category.innovation': 'Stimulating 5G innovation',
  'category.risks': 'Answering questions about health or espionage risks',
  'category.other': 'Other',
  'urgency.low': 'No hurry',
  'urgency.normal': 'Within a few weeks',
  'urgency.high': 'Urgent',
  'preference.email': 'By e-mail',
  'preference.phone': 'By phone',
  'preference.meeting': 'In an (online) meeting',
  'spam.honeypot.label': 'Leave this field empty',
  'spam.honeypot':
    'The hidden check field was filled in, so your request was not sent. Leave the field "Leave this field empty" empty and send the form again.',
  'spam.tooFast':
    'The form was sent very quickly, so we did not store it. Check your details below and send the form again.',
  'spam.stampInvalid':
    'The form has expired or is incomplete, so we did not store it. Your details are still there: check them and send again.',
  'spam.rateLimited':
    'Many forms have been sent from your internet address in the past hour, so we did not store this one. Your details are still there: please try again in an hour.',
};

export const intakeMessage = defineMessages<Key>({ nl, en });
export type IntakeMessageKey = Key;
