/**
 * One term per concept, in Dutch and English, with what it means and the variants that must not be
 * used for it. The page /handreiking/begrippen lists the terms; the language check runs the variants
 * over the framework's texts and the messages files, so that a word once chosen stays chosen.
 */
export interface GlossaryTerm {
  id: string;
  nl: { term: string; definition: string };
  en: { term: string; definition: string };
  /** Words for the same concept that the texts must not use. */
  forbidden: RegExp[];
}

export const glossaryTerms: readonly GlossaryTerm[] = [
  {
    id: 'zelfscan',
    nl: {
      term: 'Zelfscan',
      definition:
        'De vragenlijst waarmee een gemeente met haar eigen team meet waar zij staat op de vier pijlers van de handreiking. De eerste zelfscan is het vertrekpunt; herhaal hem elk jaar.',
    },
    en: {
      term: 'Self-scan',
      definition:
        'The questionnaire with which a municipality and its own team measure where it stands on the four pillars of the guide. The first self-scan is the starting point; repeat it every year.',
    },
    forbidden: [
      /volwassenheidsscan/i,
      /nulmeting/i,
      /self-assessment/i,
      /maturity scan/i,
      /(?<!Security |-)\bbaseline\b(?! Informatiebeveiliging)/i,
    ],
  },
  {
    id: 'maatschappelijke-opgave',
    nl: {
      term: 'Maatschappelijke opgave',
      definition:
        'Een vraagstuk waar de gemeente voor staat, zoals de energietransitie, netcongestie, klimaatadaptatie, wonen of het sociaal domein. Digitalisering is een middel om opgaven aan te pakken, geen doel op zich.',
    },
    en: {
      term: 'Societal challenge',
      definition:
        'A challenge the municipality faces, such as the energy transition, grid congestion, climate adaptation, housing or the social domain. Digitalisation is a means to take on challenges, not a goal in itself.',
    },
    forbidden: [/societal tasks?\b/i],
  },
  {
    id: 'randvoorwaarden',
    nl: {
      term: 'Randvoorwaarden',
      definition:
        'Wat de handreiking onder meer noemt als voorwaarde om regie te kunnen voeren: een gedragen visie en programma, data-eigendom, ethische kaders, coalitievorming, de VNG-principes en financiële en juridische kaders.',
    },
    en: {
      term: 'Preconditions',
      definition:
        'What the guide names, among others, as conditions for staying in control: a supported vision and programme, data ownership, ethical frameworks, coalition building, the VNG principles and financial and legal frameworks.',
    },
    forbidden: [/de zes randvoorwaarden/i, /six preconditions/i],
  },
  {
    id: 'aandachtspunten-inkoop',
    nl: {
      term: 'Aandachtspunten bij inkoop',
      definition:
        'De vier punten waarmee de handreiking rekening vraagt bij inkoop en aanbesteding van digitale diensten en apparatuur: effectieve marktwerking, gezondheid en welzijn van burgers, invulling van de openbare ruimte en sociaaleconomische aspecten.',
    },
    en: {
      term: 'Procurement points of attention',
      definition:
        'The four points the guide asks to be taken into account in the procurement of digital services and equipment: effective market functioning, health and wellbeing of citizens, use of public space and socio-economic aspects.',
    },
    forbidden: [/Aandachtspunten uit de handreiking/],
  },
  {
    id: 'met-naam-delen',
    nl: {
      term: 'Met naam delen',
      definition:
        'Een gemeente laat andere gemeenten haar uitkomsten met haar naam erbij zien. Zonder die keuze telt zij alleen anoniem mee in de vergelijking.',
    },
    en: {
      term: 'Sharing by name',
      definition:
        'A municipality lets other municipalities see its outcomes with its name. Without that choice it counts only anonymously in the comparison.',
    },
    forbidden: [
      /\b(bij|op) naam (deelt|delen|deelde|te delen)\b/i,
      /\b(deelt|delen) (hun gegevens |haar gegevens )?(bij|op) naam\b/i,
    ],
  },
  {
    id: 'aanvulling',
    nl: {
      term: 'Aanvulling',
      definition:
        'Een vraag die niet uit de handreiking komt maar uit een genoemde landelijke of Europese bron, zoals de AI-verordening of de BIO2; de bron staat met een link bij de vraag.',
    },
    en: {
      term: 'Addition',
      definition:
        'A question that does not come from the guide but from a named national or European source, such as the AI Act or the BIO2; the source is linked next to the question.',
    },
    forbidden: [],
  },
  {
    id: 'vng-principes',
    nl: {
      term: 'VNG-principes',
      definition:
        'De zes Principes voor de digitale samenleving die de VNG-leden in 2022 vaststelden. De handreiking noemt standaardisatie, beveiliging, privacy en gegevensbescherming als zaken waarvoor zij kaders bieden.',
    },
    en: {
      term: 'VNG principles',
      definition:
        'The six Principles for the Digital Society (Principes voor de digitale samenleving) that the VNG members adopted in 2022. The guide names standardisation, security, privacy and data protection as matters they provide frameworks for.',
    },
    forbidden: [/vijf VNG-principes/i, /five VNG principles/i],
  },
  {
    id: 'exitgereedheid',
    nl: {
      term: 'Exitgereedheid',
      definition:
        'Hoe goed de gemeente van een leverancier kan overstappen zonder haar data of dienstverlening te verliezen.',
    },
    en: {
      term: 'Exit readiness',
      definition: 'How well the municipality can switch suppliers without losing its data or services.',
    },
    forbidden: [/Exit-gereedheid/, /exit-readiness/i],
  },
  {
    id: 'avoi',
    nl: {
      term: 'Algemene verordening ondergrondse infrastructuur (AVOI)',
      definition:
        'De gemeentelijke verordening voor het aanleggen van kabels en leidingen in de openbare grond.',
    },
    en: {
      term: 'General bylaw on underground infrastructure (AVOI)',
      definition: 'The municipal bylaw for laying cables and pipes in public ground.',
    },
    forbidden: [/(?<!Algemene )verordening ondergrondse infrastructuur/i],
  },
  {
    id: 'lora',
    nl: {
      term: 'LoRa',
      definition: 'Een draadloos netwerk voor sensoren dat weinig stroom gebruikt en ver reikt.',
    },
    en: {
      term: 'LoRa',
      definition: 'A wireless network for sensors that uses little power and has a long range.',
    },
    forbidden: [/\blora\b/],
  },
];

/** Small errors and calques that are no term of their own but keep coming back. */
export const forbiddenPhrases: readonly RegExp[] = [
  /\(gemiddelde niveau/,
  /agenda-programma/i,
  /\ba planning\b/,
  /\bsteer on\b/,
];
