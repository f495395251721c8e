import { defineMessages } from '../../core/i18n/i18n.ts';

/** The glossary page: one term per concept. */
export const glossaryMessage = defineMessages({
  nl: {
    title: 'Begrippen',
    lead: 'Eén woord per begrip, in het Nederlands en het Engels. De zelfscan, de handreiking en de documenten gebruiken deze woorden en geen andere.',
    'column.term': 'Begrip',
    'column.english': 'In het Engels',
    'column.definition': 'Betekenis',
    link: 'Begrippen',
  },
  en: {
    title: 'Terms',
    lead: 'One word per concept, in Dutch and English. The self-scan, the guide and the documents use these words and no others.',
    'column.term': 'Term',
    'column.english': 'In Dutch',
    'column.definition': 'Meaning',
    link: 'Terms',
  },
});
