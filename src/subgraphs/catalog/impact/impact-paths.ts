import { ImpactEvidence, ImpactNodeKind, type ImpactPath, type ImpactStep } from './impact.types';

export const step = (kind: ImpactNodeKind, code: string, relation: string | null = null): ImpactStep => ({ kind, code, relation });

/** A link seen in live traffic (observed usage), not declared in the map. */
export const observedStep = (kind: ImpactNodeKind, code: string, relation: string): ImpactStep => ({ kind, code, relation, observed: true });

const LABELS: Record<ImpactNodeKind, string> = {
  REFERENTIAL: 'referential',
  REFERENTIAL_ENTRIES: 'entries',
  LEGAL_TEXT: 'legal text',
  EXCHANGE: 'exchange',
  SCHEMA_VERSION: 'schema version',
  ROADMAP_ITEM: 'roadmap item',
  APPLICATION: 'application',
  COURT: 'court',
  BUREAU: 'bureau',
  FIELD: 'field',
};

export function toPath(steps: ImpactStep[]): ImpactPath {
  const explanation = steps.map((s) => `${s.relation ? `${s.relation} ` : ''}${LABELS[s.kind]} ${s.code}`).join(' → ');
  return { steps, explanation, evidence: steps.some((s) => s.observed) ? ImpactEvidence.OBSERVED : ImpactEvidence.DECLARED };
}

/** Paths found so far to each node of one kind, without duplicates, shortest first. */
export class PathsByCode {
  private readonly paths = new Map<string, ImpactStep[][]>();

  add(code: string, steps: ImpactStep[]): void {
    const known = this.paths.get(code) ?? [];
    const text = toPath(steps).explanation;
    if (!known.some((p) => toPath(p).explanation === text)) known.push(steps);
    this.paths.set(
      code,
      known.sort((a, b) => a.length - b.length),
    );
  }

  codes(): string[] {
    return [...this.paths.keys()].sort();
  }

  get(code: string): ImpactStep[][] {
    return this.paths.get(code) ?? [];
  }

  has(code: string): boolean {
    return this.paths.has(code);
  }
}
