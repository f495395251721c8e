import type { Locale } from '../../core/i18n/i18n.ts';

/**
 * Field and option labels, looked up by key at run time (the field list is data). A test checks that
 * every field and option of every register has a label in both languages.
 */
type Labels = Record<string, { nl: string; en: string }>;

export const fieldLabels: Labels = {
  name: { nl: 'Naam', en: 'Name' },
  'data-sources.name': { nl: 'Naam van de bron', en: 'Name of the source' },
  'contracts.name': { nl: 'Contract (onderwerp)', en: 'Contract (subject)' },
  'assessments.name': { nl: 'Toepassing of datagebruik', en: 'Application or data use' },
  'partnerships.name': { nl: 'Naam van het samenwerkingsverband', en: 'Name of the partnership' },
  description: { nl: 'Omschrijving', en: 'Description' },
  kind: { nl: 'Soort bron', en: 'Kind of source' },
  societal_task: { nl: 'Maatschappelijke opgave', en: 'Societal task' },
  theme: { nl: 'Thema', en: 'Theme' },
  owner: { nl: 'Eigenaar', en: 'Owner' },
  owner_name: { nl: 'Naam van de eigenaar', en: 'Name of the owner' },
  openness: { nl: 'Openheid', en: 'Openness' },
  personal_data: { nl: 'Persoonsgegevens', en: 'Personal data' },
  'assessments.personal_data': { nl: 'Verwerkt persoonsgegevens', en: 'Processes personal data' },
  standards: { nl: 'Gebruikte standaarden', en: 'Standards used' },
  contract: { nl: 'Valt onder contract', en: 'Falls under contract' },
  reuse_allowed: {
    nl: 'Hergebruik binnen de organisatie toegestaan',
    en: 'Reuse allowed inside the organisation',
  },
  status: { nl: 'Status', en: 'Status' },
  access_url: { nl: 'Vindplaats (URL)', en: 'Access URL' },
  licence: { nl: 'Licentie', en: 'Licence' },
  contact_email: { nl: 'E-mailadres voor vragen', en: 'Contact e-mail address' },
  supplier: { nl: 'Leverancier', en: 'Supplier' },
  subject_category: { nl: 'Soort onderwerp', en: 'Kind of subject' },
  start_date: { nl: 'Begindatum', en: 'Start date' },
  end_date: { nl: 'Einddatum', en: 'End date' },
  notice_months: { nl: 'Opzegtermijn (maanden)', en: 'Notice period (months)' },
  value_eur: { nl: 'Waarde (euro)', en: 'Value (euro)' },
  data_owner: { nl: 'Eigenaar van de data', en: 'Owner of the data' },
  reuse_right: { nl: 'Recht op hergebruik van de data', en: 'Right to reuse the data' },
  exit_clause: { nl: 'Exitclausule', en: 'Exit clause' },
  return_format: { nl: 'Formaat waarin de data terugkomen', en: 'Format in which the data are returned' },
  open_standards: { nl: 'Open standaarden verplicht', en: 'Open standards required' },
  escrow: { nl: 'Escrow-regeling', en: 'Escrow arrangement' },
  hosting: { nl: 'Hosting (jurisdictie)', en: 'Hosting (jurisdiction)' },
  procurement_market: { nl: 'Effectieve marktwerking', en: 'Effective market functioning' },
  procurement_health: { nl: 'Gezondheid en welzijn van inwoners', en: "Citizens' health and wellbeing" },
  'procurement_public-space': { nl: 'Gebruik van de openbare ruimte', en: 'Use of public space' },
  'procurement_socio-economic': { nl: 'Sociaaleconomische aspecten', en: 'Socio-economic aspects' },
  assessment: { nl: 'Vereiste toets', en: 'Assessment required' },
  done_on: { nl: 'Datum afgerond', en: 'Date completed' },
  risk_level: { nl: 'Risiconiveau', en: 'Risk level' },
  ethics_committee: { nl: 'Ethische commissie geraadpleegd', en: 'Ethics committee consulted' },
  ethics_advice: { nl: 'Advies van de ethische commissie', en: 'Advice of the ethics committee' },
  normative_framework: { nl: 'Toegepast normenkader', en: 'Normative framework applied' },
  vng_standardisation: { nl: 'Standaardisatie', en: 'Standardisation' },
  vng_security: { nl: 'Beveiliging', en: 'Security' },
  vng_privacy: { nl: 'Privacy', en: 'Privacy' },
  'vng_data-protection': { nl: 'Gegevensbescherming', en: 'Data protection' },
  vng_scalability: { nl: 'Schaalbaarheid', en: 'Scalability' },
  partners: { nl: 'Partners', en: 'Partners' },
  form: { nl: 'Vorm', en: 'Form' },
  data_agreements: { nl: 'Afspraken over data', en: 'Agreements on data' },
  cost_sharing: { nl: 'Verdeling van de kosten', en: 'Cost sharing' },
  'partnerships.start_date': { nl: 'Begin van de periode', en: 'Start of the period' },
  'partnerships.end_date': { nl: 'Einde van de periode', en: 'End of the period' },
  actions: { nl: 'Acties die het samenwerkingsverband draagt', en: 'Actions the partnership carries' },
};

export const optionLabels: Labels = {
  'kind.sensor-network': { nl: 'Sensornetwerk', en: 'Sensor network' },
  'kind.application': { nl: 'Applicatie', en: 'Application' },
  'kind.platform': { nl: 'Platform', en: 'Platform' },
  'kind.dataset': { nl: 'Dataset', en: 'Dataset' },
  'owner.municipality': { nl: 'De gemeente', en: 'The municipality' },
  'owner.supplier': { nl: 'Een leverancier', en: 'A supplier' },
  'owner.partner': { nl: 'Een partner', en: 'A partner' },
  'openness.open': { nl: 'Open', en: 'Open' },
  'openness.shared': { nl: 'Gedeeld met partners', en: 'Shared with partners' },
  'openness.closed': { nl: 'Gesloten', en: 'Closed' },
  'status.planned': { nl: 'Gepland', en: 'Planned' },
  'status.active': { nl: 'In gebruik', en: 'In use' },
  'status.retired': { nl: 'Buiten gebruik', en: 'Retired' },
  'licence.cc0': { nl: 'CC0 1.0 (publiek domein)', en: 'CC0 1.0 (public domain)' },
  'licence.cc-by': { nl: 'CC BY 4.0', en: 'CC BY 4.0' },
  'licence.cc-by-sa': { nl: 'CC BY-SA 4.0', en: 'CC BY-SA 4.0' },
  'licence.odbl': { nl: 'ODbL 1.0', en: 'ODbL 1.0' },
  'subject_category.sensors-iot': { nl: 'Sensoren en IoT', en: 'Sensors and IoT' },
  'subject_category.data-platform': { nl: 'Dataplatform', en: 'Data platform' },
  'subject_category.connectivity': {
    nl: 'Connectiviteit (glasvezel, 5G, lora)',
    en: 'Connectivity (fibre, 5G, LoRa)',
  },
  'subject_category.case-management': {
    nl: 'Zaaksysteem en documentbeheer',
    en: 'Case and document management',
  },
  'subject_category.citizen-services': {
    nl: 'Dienstverlening en website',
    en: 'Citizen services and website',
  },
  'subject_category.geo-information': { nl: 'Geo-informatie en 3D', en: 'Geo-information and 3D' },
  'subject_category.parking-mobility': { nl: 'Parkeren en mobiliteit', en: 'Parking and mobility' },
  'subject_category.energy-monitoring': { nl: 'Energiemonitoring', en: 'Energy monitoring' },
  'subject_category.office-cloud': { nl: 'Kantoorautomatisering en cloud', en: 'Office software and cloud' },
  'subject_category.security-monitoring': { nl: 'Camera’s en toezicht', en: 'Cameras and supervision' },
  'subject_category.other': { nl: 'Overig', en: 'Other' },
  'data_owner.municipality': { nl: 'De gemeente', en: 'The municipality' },
  'data_owner.shared': { nl: 'Gedeeld', en: 'Shared' },
  'data_owner.supplier': { nl: 'De leverancier', en: 'The supplier' },
  'data_owner.unclear': { nl: 'Niet geregeld', en: 'Not arranged' },
  'hosting.nl': { nl: 'Nederland', en: 'The Netherlands' },
  'hosting.eu': { nl: 'Europese Unie', en: 'European Union' },
  'hosting.outside-eu': { nl: 'Buiten de EU', en: 'Outside the EU' },
  'assessment.dpia': { nl: 'DPIA', en: 'DPIA' },
  'assessment.pia': { nl: 'PIA', en: 'PIA' },
  'assessment.none': { nl: 'Geen toets nodig', en: 'No assessment needed' },
  'status.not-started': { nl: 'Niet gestart', en: 'Not started' },
  'status.in-progress': { nl: 'Bezig', en: 'In progress' },
  'status.done': { nl: 'Afgerond', en: 'Done' },
  'risk_level.low': { nl: 'Laag', en: 'Low' },
  'risk_level.medium': { nl: 'Middel', en: 'Medium' },
  'risk_level.high': { nl: 'Hoog', en: 'High' },
  'form.consortium': { nl: 'Publiek-private samenwerking (consortium)', en: 'Public-private consortium' },
  'form.covenant': { nl: 'Convenant', en: 'Covenant' },
  'form.joint-procurement': { nl: 'Gezamenlijke aanbesteding', en: 'Joint procurement' },
  'form.other': { nl: 'Anders', en: 'Other' },
  'partner.government': { nl: 'overheid', en: 'government' },
  'partner.company': { nl: 'bedrijf', en: 'company' },
  'partner.knowledge': { nl: 'kennisinstelling', en: 'knowledge institution' },
  'partner.citizens': { nl: 'inwoners', en: 'citizens' },
};

const notePrefix = { nl: 'Toelichting bij', en: 'Note on' };

export function fieldLabel(locale: Locale, register: string, key: string): string {
  const own = (fieldLabels[`${register}.${key}`] ?? fieldLabels[key])?.[locale];
  if (own) return own;
  // A checklist item's note is named after its item: "Toelichting bij Privacy".
  const item = key.endsWith('_note') ? fieldLabels[key.slice(0, -'_note'.length)]?.[locale] : undefined;
  return item ? `${notePrefix[locale]} ${item}` : key;
}

export function optionLabel(locale: Locale, key: string, code: string): string {
  return optionLabels[`${key}.${code}`]?.[locale] ?? code;
}
