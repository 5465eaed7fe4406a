import { CourtType } from './court-type.enum';

/** The families of court types: the metropolitan type first, then its overseas counterpart (the files match by family). */
export const APPEAL_COURTS: readonly CourtType[] = [CourtType.COUR_APPEL, CourtType.TRIBUNAL_SUPERIEUR_APPEL];
export const FIRST_INSTANCE_COURTS: readonly CourtType[] = [CourtType.TRIBUNAL_JUDICIAIRE, CourtType.TRIBUNAL_PREMIERE_INSTANCE];
export const LABOUR_COURTS: readonly CourtType[] = [CourtType.CONSEIL_PRUDHOMMES, CourtType.TRIBUNAL_TRAVAIL];

/**
 * The types a court of each type may be attached to, as the SRJ attaches them: first-instance and commercial courts
 * to an appeal court, a tribunal de proximité to its tribunal judiciaire (or première instance), labour courts to
 * either. An appeal court has no parent. Only what the API creates is checked: files load the hierarchy they hold.
 */
export const PARENT_TYPES: Readonly<Record<CourtType, readonly CourtType[]>> = {
  [CourtType.COUR_APPEL]: [],
  [CourtType.TRIBUNAL_SUPERIEUR_APPEL]: [],
  [CourtType.TRIBUNAL_JUDICIAIRE]: APPEAL_COURTS,
  [CourtType.TRIBUNAL_PREMIERE_INSTANCE]: APPEAL_COURTS,
  [CourtType.TRIBUNAL_COMMERCE]: APPEAL_COURTS,
  [CourtType.TRIBUNAL_PROXIMITE]: FIRST_INSTANCE_COURTS,
  [CourtType.CONSEIL_PRUDHOMMES]: [...FIRST_INSTANCE_COURTS, ...APPEAL_COURTS],
  [CourtType.TRIBUNAL_TRAVAIL]: [...FIRST_INSTANCE_COURTS, ...APPEAL_COURTS],
};
