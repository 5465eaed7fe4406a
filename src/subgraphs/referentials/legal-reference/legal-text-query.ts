import { mnemonicOfName, normaliseMnemonic, KNOWN_MNEMONICS } from './code-mnemonics';
import { parseLegalFragments } from './legal-reference-parser';
import { LegalTextKind } from './legal-text-kind.enum';
import type { LegalTextInput } from './legal-text.input';

/**
 * A legal text as people write it, structured when it can be: "ART.L.234-1 C.ROUTE." (the ministry's own
 * notation), "C.ROUTE.", "Code de la route, art. L.234-1", "Loi 48-1360 art. 56". Null when it cannot be.
 */
export function legalTextOf(text: string): LegalTextInput | null {
  const written = text.trim();
  const { articles, unparsed } = parseLegalFragments(written.toUpperCase());
  if (articles.length === 1 && !unparsed.length) {
    const [a] = articles;
    return { kind: a.textKind, code: a.codeMnemonic, number: a.textNumber, date: a.textDate, article: a.article };
  }
  const upper = normaliseMnemonic(written);
  if (/^C\.[A-Z.]+$/.test(upper) || KNOWN_MNEMONICS.includes(upper)) return { kind: LegalTextKind.CODE, code: upper };
  const named = /^(code\b[^,]*?)\s*(?:,\s*(?:art(?:icle)?\.?)\s*(\S+))?$/i.exec(written);
  if (named) {
    const code = mnemonicOfName(named[1]);
    return code ? { kind: LegalTextKind.CODE, code, article: named[2] ?? null } : null;
  }
  const law = /^(loi|d[ée]cret|ordonnance|ord\.?)\s+(?:n°\s*)?(\d{2,4}-\d+)(?:\s*,?\s*art(?:icle)?\.?\s*(\S+))?$/i.exec(written);
  if (law) {
    const kind = /^loi/i.test(law[1]) ? LegalTextKind.LOI : /^d/i.test(law[1]) ? LegalTextKind.DECRET : LegalTextKind.ORDONNANCE;
    return { kind, number: law[2], article: law[3] ?? null };
  }
  return null;
}
