/**
 * The codes NATINF cites, each with the mnemonics the ministry writes for it (long and short forms coexist:
 * "C.PROC.PENALE." and "C.P.P.", "C.GEN.IMPOTS." and "C.G.I."/"CGI."). The first mnemonic is the canonical one;
 * an unknown mnemonic is still parsed, it simply has no name and no alias.
 */
const CODES: readonly [name: string, mnemonics: string[]][] = [
  ['Code pénal', ['C.PENAL.', 'C.P.', 'CP.']],
  ['Code de procédure pénale', ['C.PROC.PENALE.', 'C.P.P.', 'CPP.', 'C.PR.PEN.']],
  ['Code de la route', ['C.ROUTE.', 'C.R.']],
  ['Code du travail', ['C.TRAVAIL.', 'C.TRAV.']],
  ["Code de l'environnement", ['C.ENVIR.', 'C.ENVIRONNEMENT.', 'C.ENV.']],
  ['Code de la consommation', ['C.CONSO.', 'C.CONSOM.', 'C.CONSOMMATION.']],
  ['Code de commerce', ['C.COM.', 'C.COMMERCE.']],
  ['Code de la santé publique', ['C.SANTE.PUB.', 'C.S.P.', 'CSP.']],
  ['Code rural et de la pêche maritime', ['C.RURAL.', 'C.RURAL.PECHE.MARIT.']],
  ['Code des douanes', ['C.DOUANES.', 'C.DOUANE.']],
  ["Code de l'urbanisme", ['C.URBA.', 'C.URBANISME.']],
  ['Code de la sécurité sociale', ['C.SECU.SOC.', 'C.S.S.', 'CSS.']],
  ['Code monétaire et financier', ['C.MON.FIN.', 'C.M.F.', 'CMF.']],
  ['Code des assurances', ['C.ASSUR.', 'C.ASSURANCES.']],
  ['Code des transports', ['C.TRANSP.', 'C.TRANSPORTS.']],
  ["Code de la construction et de l'habitation", ['C.CONSTR.HAB.', 'C.CONST.HAB.', 'C.C.H.']],
  ["Code de l'entrée et du séjour des étrangers et du droit d'asile", ['C.ENTREE.SEJ.ETR.', 'C.E.S.E.D.A.', 'CESEDA.']],
  ['Code du sport', ['C.SPORT.']],
  ["Code de l'éducation", ['C.EDUC.', 'C.EDUCATION.']],
  ['Code minier', ['C.MINIER.']],
  ['Code des postes et des communications électroniques', ['C.POSTES.COM.ELEC.', 'C.P.C.E.']],
  ['Code électoral', ['C.ELECT.', 'C.ELECTORAL.']],
  ['Code général des impôts', ['C.GEN.IMPOTS.', 'C.G.I.', 'CGI.']],
  ['Code forestier', ['C.FORESTIER.', 'C.FOREST.']],
  ['Code du patrimoine', ['C.PATRIMOINE.']],
  ['Code de la propriété intellectuelle', ['C.PROPR.INTEL.', 'C.P.I.', 'CPI.']],
  ['Code de la sécurité intérieure', ['C.SECUR.INT.', 'C.S.I.']],
  ['Code de la défense', ['C.DEFENSE.']],
  ["Code de l'action sociale et des familles", ['C.ACTION.SOC.FAM.', 'C.A.S.F.', 'CASF.']],
  ['Code civil', ['C.CIVIL.', 'C.CIV.']],
  ["Code de l'aviation civile", ['C.AVIATION.CIV.', 'C.AVIAT.CIV.']],
  ['Code du tourisme', ['C.TOURISME.']],
  ['Code de la commande publique', ['C.COMMANDE.PUB.']],
  ["Code de l'énergie", ['C.ENERGIE.']],
  ["Code du cinéma et de l'image animée", ['C.CINEMA.']],
  ['Code de la justice pénale des mineurs', ['C.JUSTICE.PEN.MIN.', 'C.J.P.M.', 'CJPM.']],
  ['Code pénitentiaire', ['C.PENIT.', 'C.PENITENTIAIRE.']],
  ['Code général des collectivités territoriales', ['C.G.C.T.', 'CGCT.']],
  ['Code général de la propriété des personnes publiques', ['C.G.P.P.P.', 'CG3P.']],
  ['Code de la voirie routière', ['C.VOIRIE.ROUT.', 'C.VOIRIE.ROUTIERE.']],
  ['Code de la mutualité', ['C.MUTUALITE.']],
  ["Code de l'organisation judiciaire", ['C.ORG.JUD.', 'C.O.J.']],
  ["Code des relations entre le public et l'administration", ['C.R.P.A.']],
  ['Code de la santé publique (partie vétérinaire)', ['C.SANTE.PUB.VET.']],
  ['Livre des procédures fiscales', ['L.P.F.', 'LPF.']],
];

/** Mnemonic → name of the code. */
export const CODE_NAMES: Readonly<Record<string, string>> = Object.fromEntries(CODES.flatMap(([name, mnemonics]) => mnemonics.map((m) => [m, name])));

/** Mnemonic → every mnemonic of the same code (itself alone when unknown). */
export const codeAliases = (mnemonic: string): string[] => {
  const key = normaliseMnemonic(mnemonic);
  return CODES.find(([, mnemonics]) => mnemonics.includes(key))?.[1] ?? [key];
};

/** "c.route" → "C.ROUTE.": upper case, closing dot. */
export const normaliseMnemonic = (mnemonic: string): string => {
  const upper = mnemonic.trim().toUpperCase().replace(/\s+/g, '');
  return upper.endsWith('.') ? upper : `${upper}.`;
};

/** Every mnemonic known, longest first: how the parser recognises short forms without the "C." prefix (CGI., CPP.). */
export const KNOWN_MNEMONICS: readonly string[] = Object.keys(CODE_NAMES).sort((a, b) => b.length - a.length);

/** A code named in words ("Code de la route") → its canonical mnemonic, accents and case ignored. */
export const mnemonicOfName = (name: string): string | null => {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const wanted = fold(name);
  return CODES.find(([n]) => fold(n) === wanted)?.[1][0] ?? null;
};
