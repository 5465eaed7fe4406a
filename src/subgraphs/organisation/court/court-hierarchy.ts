import { CourtType } from './court-type.enum';

const APPEAL = [CourtType.COUR_APPEL, CourtType.TRIBUNAL_SUPERIEUR_APPEL];
const FIRST_INSTANCE = [CourtType.TRIBUNAL_JUDICIAIRE, CourtType.TRIBUNAL_PREMIERE_INSTANCE];

/**
 * The types a court of each type may be attached to, as the SRJ attaches them: first-instance and commercial courts
 * to an appeal court, a tribunal de proximité to its tribunal judiciaire (or première instance), labour courts to
 * either. An appeal court has no parent. Only what the API creates is checked: files load the hierarchy they hold.
 */
export const PARENT_TYPES: Readonly<Record<CourtType, readonly CourtType[]>> = {
  [CourtType.COUR_APPEL]: [],
  [CourtType.TRIBUNAL_SUPERIEUR_APPEL]: [],
  [CourtType.TRIBUNAL_JUDICIAIRE]: APPEAL,
  [CourtType.TRIBUNAL_PREMIERE_INSTANCE]: APPEAL,
  [CourtType.TRIBUNAL_COMMERCE]: APPEAL,
  [CourtType.TRIBUNAL_PROXIMITE]: FIRST_INSTANCE,
  [CourtType.CONSEIL_PRUDHOMMES]: [...FIRST_INSTANCE, ...APPEAL],
  [CourtType.TRIBUNAL_TRAVAIL]: [...FIRST_INSTANCE, ...APPEAL],
};
