/**
 * Places for synthetic Romanian records: a few localities in each county
 * (ISO 3166-2:RO), and where victims come from and are exploited.
 * Weights follow the narrative's picture (poorer north-east and south as
 * origin; Bucharest, Ilfov, the Black Sea coast and large cities as places of
 * exploitation), not published statistics.
 */

/** Localities by county code: the county seat first. */
export const LOCALITIES: Record<string, readonly string[]> = {
  'RO-AB': ['Alba Iulia', 'Sebeș', 'Aiud', 'Blaj'],
  'RO-AR': ['Arad', 'Lipova', 'Ineu', 'Pecica'],
  'RO-AG': ['Pitești', 'Câmpulung', 'Curtea de Argeș', 'Mioveni'],
  'RO-BC': ['Bacău', 'Onești', 'Moinești', 'Comănești'],
  'RO-BH': ['Oradea', 'Salonta', 'Marghita', 'Beiuș'],
  'RO-BN': ['Bistrița', 'Beclean', 'Năsăud', 'Sângeorz-Băi'],
  'RO-BT': ['Botoșani', 'Dorohoi', 'Darabani', 'Săveni'],
  'RO-BV': ['Brașov', 'Făgăraș', 'Săcele', 'Codlea'],
  'RO-BR': ['Brăila', 'Ianca', 'Însurăței', 'Făurei'],
  'RO-B': [
    'București Sector 1',
    'București Sector 2',
    'București Sector 3',
    'București Sector 4',
    'București Sector 5',
    'București Sector 6',
  ],
  'RO-BZ': ['Buzău', 'Râmnicu Sărat', 'Nehoiu', 'Pogoanele'],
  'RO-CS': ['Reșița', 'Caransebeș', 'Oravița', 'Bocșa'],
  'RO-CL': ['Călărași', 'Oltenița', 'Budești', 'Lehliu-Gară'],
  'RO-CJ': ['Cluj-Napoca', 'Turda', 'Dej', 'Câmpia Turzii'],
  'RO-CT': ['Constanța', 'Mangalia', 'Medgidia', 'Năvodari', 'Eforie'],
  'RO-CV': ['Sfântu Gheorghe', 'Târgu Secuiesc', 'Covasna', 'Baraolt'],
  'RO-DB': ['Târgoviște', 'Moreni', 'Pucioasa', 'Găești'],
  'RO-DJ': ['Craiova', 'Băilești', 'Calafat', 'Filiași'],
  'RO-GL': ['Galați', 'Tecuci', 'Târgu Bujor', 'Berești'],
  'RO-GR': ['Giurgiu', 'Bolintin-Vale', 'Mihăilești'],
  'RO-GJ': ['Târgu Jiu', 'Motru', 'Rovinari', 'Novaci'],
  'RO-HR': ['Miercurea Ciuc', 'Odorheiu Secuiesc', 'Gheorgheni', 'Toplița'],
  'RO-HD': ['Deva', 'Hunedoara', 'Petroșani', 'Orăștie'],
  'RO-IL': ['Slobozia', 'Fetești', 'Urziceni', 'Țăndărei'],
  'RO-IS': ['Iași', 'Pașcani', 'Hârlău', 'Târgu Frumos'],
  'RO-IF': ['Voluntari', 'Buftea', 'Otopeni', 'Pantelimon', 'Chitila'],
  'RO-MM': ['Baia Mare', 'Sighetu Marmației', 'Borșa', 'Vișeu de Sus'],
  'RO-MH': ['Drobeta-Turnu Severin', 'Orșova', 'Strehaia', 'Vânju Mare'],
  'RO-MS': ['Târgu Mureș', 'Reghin', 'Sighișoara', 'Târnăveni'],
  'RO-NT': ['Piatra Neamț', 'Roman', 'Târgu Neamț', 'Bicaz'],
  'RO-OT': ['Slatina', 'Caracal', 'Balș', 'Corabia'],
  'RO-PH': ['Ploiești', 'Câmpina', 'Sinaia', 'Mizil'],
  'RO-SM': ['Satu Mare', 'Carei', 'Negrești-Oaș', 'Tășnad'],
  'RO-SJ': ['Zalău', 'Șimleu Silvaniei', 'Jibou', 'Cehu Silvaniei'],
  'RO-SB': ['Sibiu', 'Mediaș', 'Cisnădie', 'Agnita'],
  'RO-SV': ['Suceava', 'Fălticeni', 'Rădăuți', 'Câmpulung Moldovenesc'],
  'RO-TR': ['Alexandria', 'Roșiorii de Vede', 'Turnu Măgurele', 'Zimnicea'],
  'RO-TM': ['Timișoara', 'Lugoj', 'Sânnicolau Mare', 'Jimbolia'],
  'RO-TL': ['Tulcea', 'Babadag', 'Măcin', 'Isaccea'],
  'RO-VS': ['Vaslui', 'Bârlad', 'Huși', 'Negrești'],
  'RO-VL': ['Râmnicu Vâlcea', 'Drăgășani', 'Horezu', 'Brezoi'],
  'RO-VN': ['Focșani', 'Adjud', 'Mărășești', 'Panciu'],
};

/** Heavier weights for counties victims more often come from; every county has some. */
export const ORIGIN_WEIGHTS: Record<string, number> = {
  'RO-IS': 8,
  'RO-BC': 6,
  'RO-VS': 6,
  'RO-GL': 5,
  'RO-DJ': 6,
  'RO-CT': 5,
  'RO-B': 7,
  'RO-BZ': 4,
  'RO-NT': 4,
  'RO-SV': 5,
  'RO-BT': 4,
  'RO-MS': 4,
  'RO-TR': 3,
  'RO-OT': 3,
  'RO-CL': 3,
  'RO-TM': 3,
  'RO-VN': 3,
  'RO-BR': 3,
};

/** Heavier weights for counties where victims are more often exploited. */
export const EXPLOITATION_WEIGHTS: Record<string, number> = {
  'RO-B': 20,
  'RO-IF': 8,
  'RO-CT': 9,
  'RO-TM': 5,
  'RO-CJ': 5,
  'RO-IS': 5,
  'RO-BV': 4,
  'RO-PH': 3,
  'RO-DJ': 3,
  'RO-GL': 3,
  'RO-BH': 2,
  'RO-AR': 2,
  'RO-SB': 2,
  'RO-MS': 2,
  'RO-BC': 2,
};

/** Countries of the profile's `western_europe` group where Romanian victims are exploited, with weights. */
export const WESTERN_EUROPE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['IT', 25],
  ['DE', 20],
  ['ES', 15],
  ['FR', 12],
  ['GB', 12],
  ['AT', 6],
  ['IE', 4],
  ['BE', 4],
  ['NL', 2],
];

/** Other countries of exploitation (outside Romania and Western Europe). */
export const OTHER_COUNTRY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['GR', 4],
  ['CY', 3],
  ['PL', 3],
  ['HU', 2],
  ['CZ', 1],
  ['TR', 1],
];
