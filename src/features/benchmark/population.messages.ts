import { defineMessages } from '../../core/i18n/i18n.ts';

/** The platform administrator's import of municipality populations (for the size classes). */
export const populationMessage = defineMessages({
  nl: {
    title: 'Inwonertallen',
    intro:
      'Het inwonertal bepaalt in welke CBS-gemeentegrootteklasse een gemeente in de benchmark valt. Zonder inwonertal telt een gemeente in geen enkele grootteklasse mee.',
    coverage: '{count} van de {total} gemeenten hebben een inwonertal.',
    'imported.one': 'Het inwonertal van {count} gemeente is opgeslagen.',
    'imported.other': 'De inwonertallen van {count} gemeenten zijn opgeslagen.',
    'field.label': 'Gemeentecodes en inwonertallen',
    'field.description':
      'Eén gemeente per regel: de CBS-code, een komma en het aantal inwoners als geheel getal, zoals GM0599,670000. Een kopregel code,population mag. Bevat één regel een fout, dan wordt niets opgeslagen.',
    submit: 'Inwonertallen opslaan',
    'error.empty': 'Plak minstens één regel met een gemeentecode en een inwonertal.',
    'error.lines.one':
      '{count} regel bevat een fout. Er is niets opgeslagen; verbeter de regel en probeer het opnieuw.',
    'error.lines.other':
      '{count} regels bevatten een fout. Er is niets opgeslagen; verbeter de regels en probeer het opnieuw.',
    'error.line': '1 regel bevat een fout. Er is niets opgeslagen; verbeter de regel en probeer het opnieuw.',
    'bad.title': 'Regels met een fout',
    'bad.item': 'Regel {line} ({text}): {reason}',
    'problem.format': 'verwacht twee waarden, een gemeentecode en een inwonertal',
    'problem.unknownCode': 'onbekende gemeentecode',
    'problem.notInteger': 'het inwonertal is geen geheel getal (bijvoorbeeld 670000 of 670.000)',
    'problem.negative': 'het inwonertal is negatief',
    'problem.tooLarge': 'het inwonertal is groter dan {maximum}',
    'problem.duplicate': 'deze gemeente staat ook op regel {first}',
  },
  en: {
    title: 'Populations',
    intro:
      'The population decides which CBS municipality size class a municipality belongs to in the benchmark. Without a population, a municipality counts in no size class.',
    coverage: '{count} of the {total} municipalities have a population.',
    'imported.one': 'The population of {count} municipality has been saved.',
    'imported.other': 'The populations of {count} municipalities have been saved.',
    'field.label': 'Municipality codes and populations',
    'field.description':
      'One municipality per line: the CBS code, a comma and the number of inhabitants as a whole number, such as GM0599,670000. A header line code,population is allowed. If any line has an error, nothing is saved.',
    submit: 'Save populations',
    'error.empty': 'Paste at least one line with a municipality code and a population.',
    'error.lines.one': '{count} line has an error. Nothing has been saved; correct the line and try again.',
    'error.lines.other':
      '{count} lines have an error. Nothing has been saved; correct the lines and try again.',
    'error.line': '1 line has an error. Nothing has been saved; correct the line and try again.',
    'bad.title': 'Lines with an error',
    'bad.item': 'Line {line} ({text}): {reason}',
    'problem.format': 'expected two values, a municipality code and a population',
    'problem.unknownCode': 'unknown municipality code',
    'problem.notInteger': 'the population is not a whole number (for example 670000 or 670.000)',
    'problem.negative': 'the population is negative',
    'problem.tooLarge': 'the population is larger than {maximum}',
    'problem.duplicate': 'this municipality is also on line {first}',
  },
});
