import { defineMessages } from '../../core/i18n/i18n.ts';

/** The processing register (AVG article 30): its page and its files. */
const catalogue = {
  nl: {
    title: 'Verwerkingsregister van {organisation}',
    intro:
      'Het register van verwerkingsactiviteiten dat artikel 30 van de AVG vraagt, afgeleid uit de databronnen met persoonsgegevens, hun impacttoets en hun contract. Vul ontbrekende gegevens aan bij de databron.',
    overviewLink: 'Verwerkingsregister (AVG artikel 30)',
    overviewIntro:
      'Afgeleid uit de databronnen met persoonsgegevens: wat artikel 30 vraagt en wat nog ontbreekt.',
    empty: 'Er zijn nog geen databronnen met persoonsgegevens.',
    downloads: 'Downloaden',
    sheet: 'Verwerkingsregister',
    summary: '{count} verwerkingsactiviteiten, waarvan {complete} volledig',
    'field.controller': 'Verwerkingsverantwoordelijke',
    'field.contact': 'Contactgegevens',
    'field.purposes': 'Doeleinden',
    'field.data_subjects': 'Categorieën betrokkenen',
    'field.personal_data_categories': 'Categorieën persoonsgegevens',
    'field.recipients': 'Categorieën ontvangers',
    'field.transfers': 'Doorgifte buiten de EU/EER',
    'field.retention': 'Bewaartermijn',
    'field.security_measures': 'Beveiligingsmaatregelen',
    'field.assessment': 'Impacttoets',
    'field.missing': 'Ontbreekt',
    'field.source': 'Databron',
    'transfers.none': 'Geen volgens de hostinglocatie: binnen de EU/EER',
    'transfers.outside': 'Ja: buiten de EU/EER, bij {supplier}',
    'assessment.none': 'Niet gekoppeld',
    'assessment.status': '{name} ({status})',
    missing: 'Ontbreekt nog: {fields}.',
    complete: 'Alle gegevens van artikel 30 zijn ingevuld.',
    edit: 'Aanvullen bij de databron',
  },
  en: {
    title: 'Processing register of {organisation}',
    intro:
      'The record of processing activities that article 30 of the GDPR asks for, derived from the data sources with personal data, their impact assessment and their contract. Fill in what is missing at the data source.',
    overviewLink: 'Processing register (GDPR article 30)',
    overviewIntro:
      'Derived from the data sources with personal data: what article 30 asks and what is still missing.',
    empty: 'There are no data sources with personal data yet.',
    downloads: 'Download',
    sheet: 'Processing register',
    summary: '{count} processing activities, {complete} of them complete',
    'field.controller': 'Controller',
    'field.contact': 'Contact details',
    'field.purposes': 'Purposes',
    'field.data_subjects': 'Categories of data subjects',
    'field.personal_data_categories': 'Categories of personal data',
    'field.recipients': 'Categories of recipients',
    'field.transfers': 'Transfers outside the EU/EEA',
    'field.retention': 'Retention period',
    'field.security_measures': 'Security measures',
    'field.assessment': 'Impact assessment',
    'field.missing': 'Missing',
    'field.source': 'Data source',
    'transfers.none': 'None by the hosting location: inside the EU/EEA',
    'transfers.outside': 'Yes: outside the EU/EEA, at {supplier}',
    'assessment.none': 'Not linked',
    'assessment.status': '{name} ({status})',
    missing: 'Still missing: {fields}.',
    complete: 'Everything article 30 asks is filled in.',
    edit: 'Complete it at the data source',
  },
};

export const processingMessage = defineMessages(catalogue);
