import { defineMessages } from '../../core/i18n/i18n.ts';

export const opportunitiesMessage = defineMessages({
  nl: {
    title: 'Kansen om samen te werken',
    'title.network': 'Kansen om samen te werken in {network}',
    intro:
      'Gemeenten die hetzelfde van plan zijn, kunnen het samen doen. De kansen komen uit de actieve strategieën (dezelfde aanbevolen actie op hetzelfde thema in overlappende periodes) en uit de contractregisters (contracten van dezelfde soort die binnen een jaar van elkaar aflopen). Organisaties die niet delen, tellen niet mee; alleen organisaties die met naam delen, ziet u bij naam.',
    'intro.own':
      'Kansen waarin uw organisatie meedoet. U ziet andere organisaties alleen bij naam als zij én uw organisatie met naam delen.',
    'plan.heading': 'Plan het samen',
    'procure.heading': 'Samen aanbesteden',
    'plan.item': '{action} ({theme})',
    'procure.item': '{category}: contracten lopen af tussen {from} en {to}',
    period: 'Periode {from} – {to}',
    'plan.none': 'Geen gemeenten met dezelfde aanbevolen actie in overlappende periodes gevonden.',
    'procure.none': 'Geen contracten van dezelfde soort gevonden die binnen een jaar van elkaar aflopen.',
    you: '{name} (uw organisatie)',
    others: 'en {count} andere organisatie(s) die niet met naam delen',
    'others.only': '{count} organisatie(s) die niet met naam delen',
    'column.organisation': 'Organisatie',
    'column.actions': 'Acties',
    'column.contract': 'Contract',
    'column.endDate': 'Einddatum',
    caption: 'Deelnemers',
    summary: '{plan} kans(en) om samen te plannen en {procure} kans(en) om samen aan te besteden.',
    view: 'Bekijk de kansen om samen te werken',
  },
  en: {
    title: 'Opportunities to collaborate',
    'title.network': 'Opportunities to collaborate in {network}',
    intro:
      'Municipalities that plan the same can do it together. Opportunities come from the active strategies (the same recommended action on the same theme in overlapping periods) and from the contract registers (contracts of the same kind ending within a year of each other). Organisations that do not share are left out; only organisations that share by name are shown by name.',
    'intro.own':
      'Opportunities your organisation takes part in. You see other organisations by name only when both they and your organisation share by name.',
    'plan.heading': 'Plan it together',
    'procure.heading': 'Procure together',
    'plan.item': '{action} ({theme})',
    'procure.item': '{category}: contracts end between {from} and {to}',
    period: 'Period {from} – {to}',
    'plan.none': 'No municipalities found with the same recommended action in overlapping periods.',
    'procure.none': 'No contracts of the same kind found that end within a year of each other.',
    you: '{name} (your organisation)',
    others: 'and {count} other organisation(s) that do not share by name',
    'others.only': '{count} organisation(s) that do not share by name',
    'column.organisation': 'Organisation',
    'column.actions': 'Actions',
    'column.contract': 'Contract',
    'column.endDate': 'End date',
    caption: 'Participants',
    summary: '{plan} opportunit(y/ies) to plan together and {procure} to procure together.',
    view: 'View the opportunities to collaborate',
  },
});

/** Kinds of contract as the registers name them (kept here until the registers export their labels). */
export const contractKinds: Record<string, { nl: string; en: string }> = {
  'sensors-iot': { nl: 'Sensoren en IoT', en: 'Sensors and IoT' },
  'data-platform': { nl: 'Dataplatform', en: 'Data platform' },
  connectivity: { nl: 'Connectiviteit (glasvezel, 5G, lora)', en: 'Connectivity (fibre, 5G, LoRa)' },
  'case-management': { nl: 'Zaaksysteem en documentbeheer', en: 'Case and document management' },
  'citizen-services': { nl: 'Dienstverlening en website', en: 'Citizen services and website' },
  'geo-information': { nl: 'Geo-informatie en 3D', en: 'Geo-information and 3D' },
  'parking-mobility': { nl: 'Parkeren en mobiliteit', en: 'Parking and mobility' },
  'energy-monitoring': { nl: 'Energiemonitoring', en: 'Energy monitoring' },
  'office-cloud': { nl: 'Kantoorautomatisering en cloud', en: 'Office software and cloud' },
  'security-monitoring': { nl: 'Camera’s en toezicht', en: 'Cameras and supervision' },
};
