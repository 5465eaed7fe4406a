import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../../kernel/auth/principal';
import { decodeCursor, pageSize, toConnection } from '../../../kernel/graphql/connection';
import type { EntryView } from '../entry/entry.entity';
import { ENTRY_COLUMNS, inViewOf, type EntryRow } from '../entry/entry.repository';
import { EntryService } from '../entry/entry.service';
import { invalid } from '../referentials.exception';
import { codeAliases, mnemonicOfName } from './code-mnemonics';
import { LegalRole, LegalTextKind } from './legal-text-kind.enum';
import type { LegalTextInput } from './legal-text.input';
import { OffenceCitation, OffenceCitationConnection } from './offence-citation.type';
import { readRows } from '../../../kernel/database/read-rows';

/** "l234-1", "L. 234-1" → "L.234-1": the article as the parser stores it. */
export const normaliseArticle = (article: string): string =>
  article
    .trim()
    .toUpperCase()
    .replace(/^ART\.?\s*/, '')
    .replace(/\s+/g, ' ')
    .replace(/^(LO|L|R|D|A)\.?\s?(?=\d)/, '$1.');

/** SQL (alias `l`) matching the parsed references of a text, and its parameters. */
export function citationCondition(text: LegalTextInput): { sql: string; params: unknown[] } {
  const parts = ['l.parsed', 'l.text_kind = ?'];
  const params: unknown[] = [text.kind];
  if (text.kind === LegalTextKind.CODE) {
    if (!text.code?.trim()) throw invalid('a code is named by its mnemonic or name', 'text.code');
    const mnemonic = /^code\b/i.test(text.code.trim()) ? mnemonicOfName(text.code) : text.code;
    if (!mnemonic) throw invalid(`unknown code "${text.code}"`, 'text.code');
    parts.push(`l.code_mnemonic = any(string_to_array(?, '|'))`);
    params.push(codeAliases(mnemonic).join('|'));
  } else {
    if (!text.number?.trim() && !text.date) throw invalid('a text other than a code is named by its number or date', 'text.number');
    if (text.number?.trim()) {
      parts.push('l.text_number = ?');
      params.push(text.number.trim());
    }
    if (text.date) {
      parts.push('l.text_date = ?');
      params.push(text.date);
    }
  }
  if (text.article?.trim()) {
    parts.push('l.article = ?');
    params.push(normaliseArticle(text.article));
  }
  return { sql: parts.join(' and '), params };
}

/**
 * The entries whose parsed legal references cite a text (and article): "which offences does article L.234-1 of the
 * Code de la route define or punish". By code, a page at a time, in a release (latest published) and on a day.
 */
export class OffencesCitingService {
  constructor(
    private readonly em: EntityManager,
    private readonly entries = new EntryService(em),
  ) {}

  async list(
    referentialCode: string,
    text: LegalTextInput,
    reader: Principal,
    options: { role?: LegalRole | null; release?: number | null; at?: string | null; first?: number | null; after?: string | null },
  ): Promise<OffenceCitationConnection> {
    const size = pageSize(options.first);
    const cursor = decodeCursor(options.after);
    const view: EntryView | null = await this.entries.view(referentialCode, options.release, options.at, reader);
    if (!view)
      return toConnection(
        OffenceCitationConnection,
        [] as OffenceCitation[],
        size,
        () => [],
        async () => 0,
        false,
      );
    const cited = citationCondition(text);
    const where = [`e.referential_code = ? and e.recorded_in <= ? and (e.superseded_in is null or e.superseded_in > ?)`, cited.sql];
    const params: unknown[] = [referentialCode, view.release, view.release, ...cited.params];
    if (view.at) {
      where.push('(e.valid_from is null or e.valid_from <= ?) and (e.valid_to is null or e.valid_to > ?)');
      params.push(view.at, view.at);
    }
    if (options.role) {
      where.push('l.role = ?');
      params.push(options.role);
    }
    const from = `from legal_reference l join referential_entry e on e.id = l.entry_id where ${where.join(' and ')}`;
    const rows = inViewOf(
      await readRows<EntryRow & { roles: LegalRole[]; refs: string[] }>(
        this.em,
        `select ${ENTRY_COLUMNS}, array_agg(distinct l.role::text order by l.role::text) as roles, array_agg(l.id order by l.role, l.position) as refs
       ${from}${cursor ? ' and e.code > ?' : ''} group by e.id order by e.code limit ?`,
        [...params, ...(cursor ? [String(cursor[0])] : []), size + 1],
      ),
      view,
    );
    const citations = rows.map(({ roles, refs, ...entry }) => Object.assign(new OffenceCitation(), { entry, roles, referenceIds: refs.map(String) }));
    return toConnection(
      OffenceCitationConnection,
      citations,
      size,
      (c) => [c.entry.code],
      async () => {
        const [{ n }] = await readRows<{ n: string }>(this.em, `select count(distinct e.id) as n ${from}`, params);
        return Number(n);
      },
      Boolean(cursor),
    );
  }
}
