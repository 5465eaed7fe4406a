import type { TypeInfo } from '../../api/supergraph-model';

/** How well a type answers a search: exact name 0, name prefix 1, name part 2, field or description 3, none -1. */
export function typeRank(type: TypeInfo, search: string): number {
  const text = search.trim().toLowerCase();
  if (!text) return 3;
  const name = type.name.toLowerCase();
  if (name === text) return 0;
  if (name.startsWith(text)) return 1;
  if (name.includes(text)) return 2;
  const words = text.split(/\s+/).filter(Boolean);
  const body = [type.description, ...type.fields.flatMap((f) => [f.name, f.description])].join(' ').toLowerCase();
  return words.every((w) => body.includes(w) || name.includes(w)) ? 3 : -1;
}

/** The types a search finds, exact-name matches first, then by how the name matches, then in schema order. */
export function searchTypes(types: TypeInfo[], search: string, owner = ''): TypeInfo[] {
  return types
    .map((type, order) => ({ type, order, rank: typeRank(type, search) }))
    .filter((t) => t.rank >= 0 && (!owner || t.type.owners.includes(owner)))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((t) => t.type);
}

/** The named type inside a field type: "Court" for "[Court!]!". */
export const namedType = (type: string): string => type.replace(/[[\]!]/g, '');
