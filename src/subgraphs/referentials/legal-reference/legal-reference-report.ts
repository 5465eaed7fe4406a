import { Field, Float, Int, ObjectType } from 'type-graphql';
import { fragmentPattern } from './legal-reference-parser';
import type { LegalReferenceRow } from './legal-reference.rows';

@ObjectType({ description: 'One shape of legal-reference fragment the grammar does not read yet: what a steward asks to add.' })
export class UnparsedPattern {
  @Field({ description: 'The fragment with digits as 9, roman numerals as I, items as a): "ANNEXE I ARRETE DU 9/9/9.".' })
  pattern!: string;

  @Field(() => Int)
  count!: number;

  @Field({ description: 'One fragment of that shape, as written.' })
  example!: string;
}

@ObjectType({ description: 'How the legal-reference cells of an import were read.' })
export class LegalReferenceReport {
  @Field(() => Int, { description: 'Fragments read: one per article parsed, one per group of articles kept whole.' })
  fragments!: number;

  @Field(() => Int)
  parsed!: number;

  @Field(() => Int)
  unparsed!: number;

  @Field(() => Float, { description: 'parsed / fragments (1 when there is none).' })
  parsedShare!: number;

  @Field(() => [UnparsedPattern], { description: 'The unparsed fragments by shape, most frequent first (50 at most).' })
  unparsedPatterns!: UnparsedPattern[];
}

@ObjectType({ description: 'What an import found beyond its counts.' })
export class ImportJobReport {
  @Field(() => LegalReferenceReport, { nullable: true })
  legalReferences?: LegalReferenceReport | null;
}

const MAX_PATTERNS = 50;

/** Counts the legal-reference rows an import writes, unparsed ones by shape. */
export class LegalReferenceTally {
  private parsed = 0;
  private readonly patterns = new Map<string, { count: number; example: string }>();

  add(row: Pick<LegalReferenceRow, 'parsed' | 'raw'>): void {
    if (row.parsed) {
      this.parsed++;
      return;
    }
    const pattern = fragmentPattern(row.raw);
    const seen = this.patterns.get(pattern);
    if (seen) seen.count++;
    else this.patterns.set(pattern, { count: 1, example: row.raw });
  }

  report(): LegalReferenceReport {
    const unparsed = [...this.patterns.values()].reduce((n, p) => n + p.count, 0);
    const fragments = this.parsed + unparsed;
    return {
      fragments,
      parsed: this.parsed,
      unparsed,
      parsedShare: fragments ? this.parsed / fragments : 1,
      unparsedPatterns: [...this.patterns]
        .map(([pattern, p]) => ({ pattern, ...p }))
        .sort((a, b) => b.count - a.count || (a.pattern < b.pattern ? -1 : 1))
        .slice(0, MAX_PATTERNS),
    };
  }
}
