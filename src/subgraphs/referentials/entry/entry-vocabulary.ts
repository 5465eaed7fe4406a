import type { EntityManager } from '@mikro-orm/postgresql';
import { requestLoader } from '../../../kernel/graphql/request-loader';
import { LATEST_PUBLISHED_SQL } from '../referential/vocabulary';
import type { Entry } from './entry.entity';
import { readRows } from '../../../kernel/database/read-rows';

/** What a vocabulary term says of the entries that carry it (NATINF_NATURE "Délit douanier de classe 2": DELIT_DOUANIER, 2). */
export interface VocabularyTerm {
  category: string | null;
  class: number | null;
}

interface Terms {
  /** The vocabulary-backed attribute whose value is looked up. */
  attribute: string;
  byLabel: Map<string, VocabularyTerm>;
}

// The referential's vocabulary-backed ENUM attributes joined to the current terms of their vocabulary (alias v).
const TERMS_SQL = `from referential r cross join lateral jsonb_array_elements(r.attribute_definitions) d
  join referential_entry v on v.referential_code = d->>'vocabulary' and ${LATEST_PUBLISHED_SQL}`;

/** The terms of each referential's vocabulary, one query per request whatever the number of entries. */
const vocabularyTerms = (em: EntityManager) =>
  requestLoader<string, Terms | null>(em, 'vocabularyTerms', async (codes) => {
    const rows = await readRows<{ referential: string; attribute: string; label: string; attributes: Record<string, unknown> }>(
      em,
      `select r.code as referential, d->>'name' as attribute, v.label, v.attributes ${TERMS_SQL} where r.code = any(string_to_array(?, ','))`,
      [codes.join(',')],
    );
    return codes.map((code) => {
      const own = rows.filter((r) => r.referential === code);
      if (!own.length) return null;
      const term = (a: Record<string, unknown>): VocabularyTerm => ({
        category: typeof a.category === 'string' ? a.category : null,
        class: Number.isInteger(a.class) ? (a.class as number) : null,
      });
      return { attribute: own[0].attribute, byLabel: new Map(own.filter((r) => r.attribute === own[0].attribute).map((r) => [r.label, term(r.attributes)])) };
    });
  });

/** The vocabulary term of an entry's vocabulary-backed attribute (NATINF: its nature), or null. */
export async function termOf(em: EntityManager, entry: Entry): Promise<VocabularyTerm | null> {
  const terms = await vocabularyTerms(em).load(entry.referentialCode);
  const value = terms ? entry.attributes?.[terms.attribute] : undefined;
  return typeof value === 'string' ? (terms!.byLabel.get(value) ?? null) : null;
}

/** SQL on alias `e`: the entry's vocabulary term has this category and/or class (parameters in that order). */
export function termCondition(category: string | undefined | null, klass: number | undefined | null): { sql: string; params: unknown[] } | null {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (category) {
    parts.push(`v.attributes->>'category' = ?`);
    params.push(category);
  }
  if (klass !== undefined && klass !== null) {
    parts.push(`v.attributes->'class' = to_jsonb(?::int)`);
    params.push(klass);
  }
  if (!parts.length) return null;
  return {
    sql: `exists (select 1 ${TERMS_SQL} and v.label = e.attributes->>(d->>'name') where r.code = e.referential_code and ${parts.join(' and ')})`,
    params,
  };
}
