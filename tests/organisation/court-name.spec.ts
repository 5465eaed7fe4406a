import { CourtType } from '../../src/subgraphs/organisation/court/court-type.enum';
import { courtPlaceKey, displayName, isCommercialChamberOfTj } from '../../src/subgraphs/organisation/srj-extract-load/court-name';

describe('courtPlaceKey', () => {
  it.each([
    ['TJ BOURG EN BRESSE', 'BOURG EN BRESSE'],
    ['Tribunal judiciaire de Bourg-en-Bresse', 'BOURG EN BRESSE'],
    ['Tribunal judiciaire du Puy-en-Velay', 'LE PUY EN VELAY'],
    ['TJ LE PUY EN VELAY', 'LE PUY EN VELAY'],
    ["Cour d'Appel d'Aix-en-Provence", 'AIX EN PROVENCE'],
    ['CA AIX EN PROVENCE', 'AIX EN PROVENCE'],
    ["Conseil de Prud'hommes de Saint-Denis de La Réunion", 'ST DENIS'],
    ["Cour d'Appel de Saint-Denis-de-La Réunion", 'ST DENIS'],
    ['Tribunal de proximité de Trévoux', 'TREVOUX'],
    ['Tribunal du Travail de Nouméa', 'NOUMEA'],
    ["Tribunal judiciaire des Sables-d'Olonne", 'SABLES D OLONNE'],
    ["TJ SABLES-D'OLONNE", 'SABLES D OLONNE'],
    ['Chambre commerciale du TJ de Metz', 'METZ'],
    ['Tribunal de commerce de Bourg-En-Bresse', 'BOURG EN BRESSE'],
  ])('%s → %s', (name, key) => {
    expect(courtPlaceKey(name)).toBe(key);
  });

  it('keeps a leading article that belongs to the place', () => {
    expect(courtPlaceKey('Tribunal judiciaire de La Rochelle')).toBe('LA ROCHELLE');
    expect(courtPlaceKey("Tribunal judiciaire de L'Isle-Adam")).toBe('L ISLE ADAM');
  });
});

describe('displayName', () => {
  it('writes a readable French name from a short name', () => {
    expect(displayName(CourtType.CONSEIL_PRUDHOMMES, 'LANNOY')).toBe("Conseil de prud'hommes de Lannoy");
    expect(displayName(CourtType.COUR_APPEL, 'ST DENIS')).toBe("Cour d'appel de Saint Denis");
    expect(displayName(CourtType.TRIBUNAL_JUDICIAIRE, 'AGEN')).toBe("Tribunal judiciaire d'Agen");
  });
});

it('recognises the commercial chambers of Alsace-Moselle TJs', () => {
  expect(isCommercialChamberOfTj('Chambre commerciale du TJ de Colmar')).toBe(true);
  expect(isCommercialChamberOfTj('Tribunal de commerce de Colmar')).toBe(false);
});
