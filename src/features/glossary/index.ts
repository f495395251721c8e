export { forbiddenPhrases, glossaryTerms, type GlossaryTerm } from './glossary.model.ts';
export { glossaryLink, glossaryPath } from './glossary.views.ts';
