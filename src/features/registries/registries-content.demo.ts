import { addMonths } from './registries-expiry.ts';
import type { RegistryKind } from './registries.tables.ts';
import type { Raw } from './registries-values.ts';

type Registers = Partial<Record<RegistryKind, Raw[]>>;

interface ContractSketch {
  name: string;
  supplier: string;
  category: string;
  /** Months from today to the end date. */
  ends: number;
  notice?: number;
  value?: number;
  owner: string;
  reuse?: boolean;
  exit?: boolean;
  format?: string;
  open?: boolean;
  escrow?: boolean;
  hosting: string;
  points?: string[];
}

const yes = (b: boolean | undefined) => (b ? 'ja' : 'nee');

function contract(today: string, c: ContractSketch): Raw {
  const points = new Set(c.points ?? []);
  return {
    name: c.name,
    supplier: c.supplier,
    subject_category: c.category,
    start_date: addMonths(today, c.ends - 48),
    end_date: addMonths(today, c.ends),
    notice_months: String(c.notice ?? 6),
    value_eur: String(c.value ?? 250000),
    data_owner: c.owner,
    reuse_right: yes(c.reuse),
    exit_clause: yes(c.exit),
    return_format: c.format ?? '',
    open_standards: yes(c.open),
    escrow: yes(c.escrow),
    hosting: c.hosting,
    procurement_market: yes(points.has('market')),
    procurement_market_note: points.has('market') ? 'Marktconsultatie gehouden; meerdere aanbieders.' : '',
    procurement_health: yes(points.has('health')),
    'procurement_public-space': yes(points.has('public-space')),
    'procurement_socio-economic': yes(points.has('socio-economic')),
  };
}

const allPoints = ['market', 'health', 'public-space', 'socio-economic'];

function rotterdamContracts(today: string): Raw[] {
  return [
    {
      name: 'Meetnet luchtkwaliteit',
      supplier: 'Luchtmeet BV',
      category: 'sensors-iot',
      ends: 8,
      owner: 'municipality',
      reuse: true,
      exit: true,
      format: 'CSV en SensorThings API',
      open: true,
      hosting: 'nl',
      points: allPoints,
    },
    {
      name: 'Stedelijk dataplatform',
      supplier: 'DataStad Solutions',
      category: 'data-platform',
      ends: 14,
      notice: 12,
      value: 1200000,
      owner: 'shared',
      reuse: true,
      exit: true,
      format: 'Parquet en CSV',
      open: true,
      hosting: 'eu',
      points: ['market', 'socio-economic'],
    },
    {
      name: 'Zaaksysteem',
      supplier: 'Zaakwerk BV',
      category: 'case-management',
      ends: 20,
      notice: 12,
      value: 900000,
      owner: 'supplier',
      escrow: true,
      hosting: 'nl',
    },
    {
      name: 'Slim parkeren',
      supplier: 'ParkeerNet Europe',
      category: 'parking-mobility',
      ends: 6,
      notice: 3,
      owner: 'supplier',
      exit: true,
      format: 'CSV',
      hosting: 'outside-eu',
      points: ['public-space'],
    },
    {
      name: 'Glasvezelnetwerk gemeentelijke locaties',
      supplier: 'Vezelnet Zuid-Holland',
      category: 'connectivity',
      ends: 30,
      owner: 'municipality',
      reuse: true,
      exit: true,
      format: 'GeoPackage',
      open: true,
      hosting: 'nl',
      points: allPoints,
    },
    {
      name: 'Cameratoezicht openbare ruimte',
      supplier: 'Toezicht Techniek BV',
      category: 'security-monitoring',
      ends: 11,
      owner: 'unclear',
      hosting: 'eu',
      points: ['health', 'public-space'],
    },
    {
      name: 'Energiemonitoring gemeentelijk vastgoed',
      supplier: 'Energiewijzer BV',
      category: 'energy-monitoring',
      ends: 18,
      owner: 'municipality',
      reuse: true,
      format: 'CSV',
      hosting: 'eu',
    },
    {
      name: 'Kantoorautomatisering in de cloud',
      supplier: 'Global Office Cloud Inc.',
      category: 'office-cloud',
      ends: 40,
      notice: 12,
      value: 3400000,
      owner: 'municipality',
      exit: true,
      hosting: 'outside-eu',
    },
    {
      name: '3D-stadsmodel',
      supplier: 'Geo3D Nederland',
      category: 'geo-information',
      ends: 3,
      owner: 'municipality',
      reuse: true,
      format: 'CityJSON',
      open: true,
      escrow: true,
      hosting: 'nl',
      points: ['market'],
    },
  ].map((c) => contract(today, c));
}

const source = (o: Record<string, string>): Raw => ({
  status: 'active',
  reuse_allowed: 'ja',
  personal_data: 'nee',
  ...o,
});

const rotterdamSources: Raw[] = [
  source({
    name: 'Luchtkwaliteit Rotterdam',
    description:
      'Metingen van fijnstof (PM2,5 en PM10) en stikstofdioxide van het stedelijke meetnet, per kwartier.',
    kind: 'sensor-network',
    societal_task: 'health-wellbeing',
    theme: 'Gezonde lucht',
    owner: 'municipality',
    openness: 'open',
    standards: 'OGC SensorThings API, CSV',
    contract: 'Meetnet luchtkwaliteit',
    access_url: 'https://data.rotterdam.example/luchtkwaliteit',
    licence: 'cc0',
    contact_email: 'opendata@rotterdam.example',
  }),
  source({
    name: 'Parkeerbezetting garages',
    description: 'Bezetting van de gemeentelijke parkeergarages, elke vijf minuten.',
    kind: 'dataset',
    societal_task: 'mobility-transition',
    owner: 'supplier',
    owner_name: 'ParkeerNet Europe',
    openness: 'open',
    standards: 'DATEX II',
    contract: 'Slim parkeren',
    access_url: 'https://data.rotterdam.example/parkeren',
    licence: 'cc-by',
    contact_email: 'opendata@rotterdam.example',
  }),
  source({
    name: '3D-stadsmodel Rotterdam',
    description: 'Gebouwen en terrein in 3D voor de hele stad.',
    kind: 'dataset',
    societal_task: 'safe-living-environment',
    owner: 'municipality',
    openness: 'open',
    standards: 'CityJSON, CityGML',
    contract: '3D-stadsmodel',
    access_url: 'https://data.rotterdam.example/3d',
    licence: 'cc-by',
    contact_email: 'geo@rotterdam.example',
  }),
  source({
    name: 'Energieverbruik gemeentelijk vastgoed',
    kind: 'platform',
    societal_task: 'energy-transition',
    owner: 'municipality',
    openness: 'shared',
    contract: 'Energiemonitoring gemeentelijk vastgoed',
  }),
  source({
    name: 'Zaakgegevens sociaal domein',
    kind: 'application',
    societal_task: 'social-domain',
    owner: 'supplier',
    owner_name: 'Zaakwerk BV',
    openness: 'closed',
    personal_data: 'ja',
    reuse_allowed: 'nee',
    contract: 'Zaaksysteem',
  }),
  source({
    name: 'Slimme lantaarnpalen Zuidplein',
    kind: 'sensor-network',
    societal_task: 'safe-living-environment',
    owner: 'partner',
    owner_name: 'Rotterdam Data Alliantie',
    openness: 'shared',
    status: 'planned',
  }),
];

const assessment = (o: Record<string, string>): Raw => ({ personal_data: 'ja', risk_level: 'medium', ...o });

const rotterdamAssessments: Raw[] = [
  assessment({
    name: 'Cameratoezicht openbare ruimte',
    assessment: 'dpia',
    status: 'done',
    done_on: '2025-03-14',
    risk_level: 'high',
    ethics_committee: 'ja',
    ethics_advice: 'Alleen inzetten in aangewezen gebieden; beelden na 28 dagen verwijderen.',
    normative_framework: 'Normenkader Digitale Stad Rotterdam',
    vng_standardisation: 'ja',
    vng_security: 'ja',
    vng_privacy: 'ja',
    vng_privacy_note: 'Gezichten worden automatisch geblurd.',
    'vng_data-protection': 'ja',
    vng_scalability: 'ja',
  }),
  assessment({
    name: 'Zaaksysteem sociaal domein',
    assessment: 'dpia',
    status: 'done',
    done_on: '2024-11-02',
    normative_framework: 'Normenkader Digitale Stad Rotterdam',
    vng_security: 'ja',
    vng_privacy: 'ja',
    'vng_data-protection': 'ja',
  }),
  assessment({
    name: 'Slim parkeren met kentekenherkenning',
    assessment: 'dpia',
    status: 'in-progress',
    risk_level: 'high',
    ethics_committee: 'ja',
    ethics_advice: 'Advies volgt na afronding van de DPIA.',
    vng_privacy: 'ja',
  }),
  assessment({
    name: 'Slimme lantaarnpalen Zuidplein',
    assessment: 'dpia',
    status: 'not-started',
    risk_level: 'medium',
  }),
  assessment({
    name: 'Wijkprofiel met open data',
    assessment: 'pia',
    status: 'done',
    done_on: '2025-06-30',
    risk_level: 'low',
    vng_standardisation: 'ja',
    vng_security: 'ja',
    vng_privacy: 'ja',
    'vng_data-protection': 'ja',
    vng_scalability: 'ja',
  }),
  assessment({
    name: 'Meetnet luchtkwaliteit',
    personal_data: 'nee',
    assessment: 'none',
    status: 'done',
    risk_level: 'low',
    vng_standardisation: 'ja',
    vng_scalability: 'ja',
  }),
  assessment({
    name: 'Chatbot voor vragen van inwoners',
    assessment: 'dpia',
    status: 'not-started',
    risk_level: 'medium',
  }),
];

const rotterdamPartnerships: Raw[] = [
  {
    name: 'Rotterdam Data Alliantie',
    description: 'Publiek-private samenwerking rond een gedeeld dataplatform voor de stad.',
    partners:
      'Gemeente Rotterdam; overheid\nHavenbedrijf Rotterdam; bedrijf\nErasmus Universiteit Rotterdam; kennisinstelling\nBewonersplatform Rotterdam-Zuid; inwoners',
    form: 'consortium',
    data_agreements: 'Data blijven eigendom van de bronhouder; open tenzij persoonsgegevens.',
    cost_sharing: 'Gemeente 40%, partners samen 60%.',
    start_date: '2024-01-01',
    end_date: '2027-12-31',
    actions: 'Gedeeld dataplatform; slimme lantaarnpalen Zuidplein',
  },
  {
    name: 'Convenant Slimme Haven',
    partners: 'Gemeente Rotterdam; overheid\nHavenbedrijf Rotterdam; bedrijf\nTU Delft; kennisinstelling',
    form: 'covenant',
    start_date: '2025-01-01',
    end_date: '2028-12-31',
  },
];

export function demoRegistries(today: string): Record<string, Registers> {
  const c = (o: ContractSketch) => contract(today, o);
  return {
    GM0599: {
      contracts: rotterdamContracts(today),
      'data-sources': rotterdamSources,
      assessments: rotterdamAssessments,
      partnerships: rotterdamPartnerships,
    },
    GM0518: {
      contracts: [
        c({
          name: 'Sensoren geluidsoverlast',
          supplier: 'Luchtmeet BV',
          category: 'sensors-iot',
          ends: 12,
          owner: 'municipality',
          exit: true,
          reuse: true,
          hosting: 'nl',
        }),
        c({
          name: 'Parkeerapp',
          supplier: 'ParkeerNet Europe',
          category: 'parking-mobility',
          ends: 10,
          owner: 'supplier',
          hosting: 'eu',
        }),
      ],
      assessments: [assessment({ name: 'Parkeerapp', assessment: 'dpia', status: 'in-progress' })],
      partnerships: [
        {
          name: 'Haagse Innovatiewerkplaats',
          partners: 'Gemeente Den Haag; overheid\nThe Hague University of Applied Sciences; kennisinstelling',
          form: 'covenant',
        },
      ],
    },
    GM0503: {
      contracts: [
        c({
          name: 'Dataplatform Delft',
          supplier: 'DataStad Solutions',
          category: 'data-platform',
          ends: 20,
          owner: 'municipality',
          exit: true,
          format: 'CSV',
          open: true,
          hosting: 'nl',
        }),
      ],
      'data-sources': [
        source({
          name: 'Fietstellingen Delft',
          kind: 'dataset',
          societal_task: 'mobility-transition',
          owner: 'municipality',
          openness: 'open',
          access_url: 'https://data.delft.example/fietstellingen',
          licence: 'cc0',
          contact_email: 'opendata@delft.example',
        }),
      ],
      assessments: [
        assessment({
          name: 'Fietstellingen met camera’s',
          assessment: 'pia',
          status: 'done',
          done_on: '2025-09-01',
          risk_level: 'low',
        }),
      ],
    },
    GM0546: {
      contracts: [
        c({
          name: 'Zaaksysteem Leiden',
          supplier: 'Zaakwerk BV',
          category: 'case-management',
          ends: 25,
          owner: 'supplier',
          hosting: 'nl',
        }),
      ],
    },
    // Gouda shares nothing by name: its contract must never appear in a network's opportunities.
    GM0513: {
      contracts: [
        c({
          name: 'Luchtsensoren Gouda',
          supplier: 'Luchtmeet BV',
          category: 'sensors-iot',
          ends: 9,
          owner: 'municipality',
          hosting: 'nl',
        }),
      ],
    },
    PV28: {
      partnerships: [
        {
          name: 'Connectiviteit Brigade',
          description: 'Gratis hulp van experts bij de uitrol van 5G en glasvezel.',
          partners:
            'Provincie Zuid-Holland; overheid\nMetropoolregio Rotterdam Den Haag; overheid\nGemeente Rotterdam; overheid\nGemeente Den Haag; overheid',
          form: 'covenant',
        },
      ],
    },
  };
}
