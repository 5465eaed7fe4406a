// The organisation API answers competentCourts(insee) but has no commune names: names come from this table of
// departments (the INSEE code's first digits) and a short list of well-known communes (court seats), for suggestions.

export const DEPARTMENTS: Record<string, string> = {
  '01': 'Ain',
  '02': 'Aisne',
  '03': 'Allier',
  '04': 'Alpes-de-Haute-Provence',
  '05': 'Hautes-Alpes',
  '06': 'Alpes-Maritimes',
  '07': 'Ardèche',
  '08': 'Ardennes',
  '09': 'Ariège',
  '10': 'Aube',
  '11': 'Aude',
  '12': 'Aveyron',
  '13': 'Bouches-du-Rhône',
  '14': 'Calvados',
  '15': 'Cantal',
  '16': 'Charente',
  '17': 'Charente-Maritime',
  '18': 'Cher',
  '19': 'Corrèze',
  '2A': 'Corse-du-Sud',
  '2B': 'Haute-Corse',
  '21': "Côte-d'Or",
  '22': "Côtes-d'Armor",
  '23': 'Creuse',
  '24': 'Dordogne',
  '25': 'Doubs',
  '26': 'Drôme',
  '27': 'Eure',
  '28': 'Eure-et-Loir',
  '29': 'Finistère',
  '30': 'Gard',
  '31': 'Haute-Garonne',
  '32': 'Gers',
  '33': 'Gironde',
  '34': 'Hérault',
  '35': 'Ille-et-Vilaine',
  '36': 'Indre',
  '37': 'Indre-et-Loire',
  '38': 'Isère',
  '39': 'Jura',
  '40': 'Landes',
  '41': 'Loir-et-Cher',
  '42': 'Loire',
  '43': 'Haute-Loire',
  '44': 'Loire-Atlantique',
  '45': 'Loiret',
  '46': 'Lot',
  '47': 'Lot-et-Garonne',
  '48': 'Lozère',
  '49': 'Maine-et-Loire',
  '50': 'Manche',
  '51': 'Marne',
  '52': 'Haute-Marne',
  '53': 'Mayenne',
  '54': 'Meurthe-et-Moselle',
  '55': 'Meuse',
  '56': 'Morbihan',
  '57': 'Moselle',
  '58': 'Nièvre',
  '59': 'Nord',
  '60': 'Oise',
  '61': 'Orne',
  '62': 'Pas-de-Calais',
  '63': 'Puy-de-Dôme',
  '64': 'Pyrénées-Atlantiques',
  '65': 'Hautes-Pyrénées',
  '66': 'Pyrénées-Orientales',
  '67': 'Bas-Rhin',
  '68': 'Haut-Rhin',
  '69': 'Rhône',
  '70': 'Haute-Saône',
  '71': 'Saône-et-Loire',
  '72': 'Sarthe',
  '73': 'Savoie',
  '74': 'Haute-Savoie',
  '75': 'Paris',
  '76': 'Seine-Maritime',
  '77': 'Seine-et-Marne',
  '78': 'Yvelines',
  '79': 'Deux-Sèvres',
  '80': 'Somme',
  '81': 'Tarn',
  '82': 'Tarn-et-Garonne',
  '83': 'Var',
  '84': 'Vaucluse',
  '85': 'Vendée',
  '86': 'Vienne',
  '87': 'Haute-Vienne',
  '88': 'Vosges',
  '89': 'Yonne',
  '90': 'Territoire de Belfort',
  '91': 'Essonne',
  '92': 'Hauts-de-Seine',
  '93': 'Seine-Saint-Denis',
  '94': 'Val-de-Marne',
  '95': "Val-d'Oise",
  '971': 'Guadeloupe',
  '972': 'Martinique',
  '973': 'Guyane',
  '974': 'La Réunion',
  '975': 'Saint-Pierre-et-Miquelon',
  '976': 'Mayotte',
};

/** Well-known communes (court seats and the examples), as [INSEE code, name]. */
export const KNOWN_COMMUNES: [string, string][] = [
  ['01001', "L'Abergement-Clémenciat"],
  ['01053', 'Bourg-en-Bresse'],
  ['06088', 'Nice'],
  ['13201', 'Marseille 1er arrondissement'],
  ['14118', 'Caen'],
  ['21231', 'Dijon'],
  ['25056', 'Besançon'],
  ['2A004', 'Ajaccio'],
  ['2B033', 'Bastia'],
  ['31555', 'Toulouse'],
  ['33063', 'Bordeaux'],
  ['34172', 'Montpellier'],
  ['35238', 'Rennes'],
  ['38185', 'Grenoble'],
  ['44109', 'Nantes'],
  ['45234', 'Orléans'],
  ['47001', 'Agen'],
  ['51454', 'Reims'],
  ['54395', 'Nancy'],
  ['57463', 'Metz'],
  ['59178', 'Douai'],
  ['59350', 'Lille'],
  ['63113', 'Clermont-Ferrand'],
  ['64445', 'Pau'],
  ['67482', 'Strasbourg'],
  ['68066', 'Colmar'],
  ['69381', 'Lyon 1er arrondissement'],
  ['73065', 'Chambéry'],
  ['75056', 'Paris'],
  ['76540', 'Rouen'],
  ['78646', 'Versailles'],
  ['80021', 'Amiens'],
  ['86194', 'Poitiers'],
  ['87085', 'Limoges'],
  ['18033', 'Bourges'],
];

const INSEE = /^(\d{5}|2[AB]\d{3})$/;
export const isInseeCode = (text: string): boolean => INSEE.test(text.trim().toUpperCase());

export const departmentCode = (insee: string): string => (insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2));

/** "Ajaccio (2A004) · Corse-du-Sud (2A)", or the code and the department when the name is not known here. */
export function describeCommune(insee: string): { name?: string; department?: string; departmentCode: string } {
  const code = departmentCode(insee);
  return { name: KNOWN_COMMUNES.find(([c]) => c === insee)?.[1], department: DEPARTMENTS[code], departmentCode: code };
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Known communes whose name or code starts with (or, for names, contains) what was typed; starts-with first. */
export function suggestCommunes(text: string, max = 8): [string, string][] {
  const typed = fold(text.trim());
  if (!typed) return [];
  const score = ([code, name]: [string, string]): number => {
    const n = fold(name);
    if (code.toLowerCase().startsWith(typed) || n.startsWith(typed)) return 0;
    return n.includes(typed) ? 1 : 2;
  };
  return KNOWN_COMMUNES.filter((c) => score(c) < 2)
    .sort((a, b) => score(a) - score(b) || a[1].localeCompare(b[1]))
    .slice(0, max);
}
