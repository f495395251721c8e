import { defineMessages } from '../../core/i18n/i18n.ts';

/** The region view for network coordinators. */
export const regionMessage = defineMessages({
  nl: {
    'list.title': 'Regio',
    'list.intro':
      'Per netwerk dat u coördineert ziet u de deelname van de leden, de geaggregeerde resultaten en de scores van leden die met naam delen.',
    'list.empty': 'U coördineert geen netwerk. De platformbeheerder wijst per netwerk de coördinatoren aan.',
    'list.members.one': '{count} lid',
    'list.members.other': '{count} leden',
    title: 'Regio {name}',
    'lead.one': '{name} heeft {count} lid.',
    'lead.other': '{name} heeft {count} leden.',
    'participation.title': 'Deelname',
    'participation.intro':
      'Het aantal leden met een vastgestelde scan die zij delen, per jaar. Leden die kozen voor niet delen, tellen niet mee.',
    'participation.caption': 'Deelname per jaar',
    'participation.chartDescription':
      'Staafdiagram van het aantal deelnemende leden per jaar, op een schaal van 0 tot {count} leden. De tabel hieronder bevat dezelfde cijfers.',
    'participation.period': 'Jaar',
    'participation.participants': 'Deelnemers',
    'participation.members': 'Leden',
    'participation.share': 'Aandeel',
    'participation.none': 'Nog geen enkel lid heeft een scan vastgesteld.',
    'period.label': 'Jaar',
    'period.show': 'Toon',
    'results.title': 'Resultaten van het netwerk in {period}',
    'results.intro':
      'Eerste kwartiel, mediaan en derde kwartiel over {count} deelnemers, per pijler en per thema (niveau 1 tot en met 5).',
    'results.tooFew':
      'Te weinig deelnemers: de resultaten van een groep worden pas getoond vanaf {minimum} deelnemers.',
    'results.differencing':
      'Deze resultaten worden niet getoond: de deelnemers verschillen maar 1 tot en met {below} organisaties van een andere getoonde groep, zodat vergelijken hun scores zou prijsgeven.',
    'results.overall': 'Totaalscore: mediaan {median} (eerste kwartiel {q1}, derde kwartiel {q3}).',
    'results.pillarCaption': 'Resultaten per pijler',
    'results.themeCaption': 'Resultaten per thema',
    'results.pillar': 'Pijler',
    'results.theme': 'Thema',
    'results.q1': 'Eerste kwartiel',
    'results.median': 'Mediaan',
    'results.q3': 'Derde kwartiel',
    'results.count': 'Deelnemers met score',
    'results.missing':
      'Een thema of pijler waarvoor te weinig deelnemers een score hebben, ontbreekt in deze tabellen.',
    'named.title': 'Leden die met naam delen',
    'named.intro':
      'Hieronder staan alleen leden die kozen voor delen met naam. De andere deelnemers tellen alleen mee in de geaggregeerde resultaten.',
    'named.caption': 'Scores van leden die met naam delen, {period}',
    'named.organisation': 'Organisatie',
    'named.overall': 'Totaalscore',
    'named.lowest': 'Drie laagste thema’s',
    'named.empty': 'Geen van de deelnemers in {period} deelt met naam.',
    'named.noScore': 'geen score',
  },
  en: {
    'list.title': 'Region',
    'list.intro':
      'For each network you coordinate you see the participation of its members, the aggregated results and the scores of members that share by name.',
    'list.empty':
      'You do not coordinate a network. The platform administrator appoints the coordinators of each network.',
    'list.members.one': '{count} member',
    'list.members.other': '{count} members',
    title: 'Region {name}',
    'lead.one': '{name} has {count} member.',
    'lead.other': '{name} has {count} members.',
    'participation.title': 'Participation',
    'participation.intro':
      'The number of members with a submitted scan that they share, per year. Members that chose not to share are not counted.',
    'participation.caption': 'Participation per year',
    'participation.chartDescription':
      'Bar chart of the number of participating members per year, on a scale from 0 to {count} members. The table below holds the same figures.',
    'participation.period': 'Year',
    'participation.participants': 'Participants',
    'participation.members': 'Members',
    'participation.share': 'Share',
    'participation.none': 'No member has submitted a scan yet.',
    'period.label': 'Year',
    'period.show': 'Show',
    'results.title': 'Results of the network in {period}',
    'results.intro':
      'First quartile, median and third quartile over {count} participants, per pillar and per theme (levels 1 to 5).',
    'results.tooFew':
      'Too few participants: the results of a group are shown from {minimum} participants on.',
    'results.differencing':
      'These results are not shown: the participants differ by only 1 to {below} organisations from another shown group, so comparing them would give away their scores.',
    'results.overall': 'Overall score: median {median} (first quartile {q1}, third quartile {q3}).',
    'results.pillarCaption': 'Results per pillar',
    'results.themeCaption': 'Results per theme',
    'results.pillar': 'Pillar',
    'results.theme': 'Theme',
    'results.q1': 'First quartile',
    'results.median': 'Median',
    'results.q3': 'Third quartile',
    'results.count': 'Participants with a score',
    'results.missing':
      'A theme or pillar for which too few participants have a score is left out of these tables.',
    'named.title': 'Members that share by name',
    'named.intro':
      'Only members that chose to share by name are listed below. The other participants count only in the aggregated results.',
    'named.caption': 'Scores of members that share by name, {period}',
    'named.organisation': 'Organisation',
    'named.overall': 'Overall score',
    'named.lowest': 'Three lowest themes',
    'named.empty': 'None of the participants in {period} shares by name.',
    'named.noScore': 'no score',
  },
});
