import { getMetadataStorage } from 'type-graphql';

/**
 * The fields of an object type that are plain properties: declared with `@Field` on a property, under their own
 * name, without roles, middlewares, arguments or a field resolver. type-graphql still gives each a resolver (a
 * closure and a middleware dispatch per value, as `simpleResolvers` would avoid); graphql reads them itself.
 * Conservative: a name declared by several classes (a subgraph's stub of another's entity) must be plain in all.
 */
export function plainFields(typeName: string): Set<string> {
  const storage = getMetadataStorage();
  const classes = storage.objectTypes.filter((o) => o.name === typeName).map((o) => o.target);
  const lineage = new Set<unknown>();
  for (const target of classes) for (let t: unknown = target; typeof t === 'function' && t !== Function.prototype; t = Object.getPrototypeOf(t)) lineage.add(t);
  const plain = new Set<string>();
  const refused = new Set<string>();
  for (const field of storage.fields) {
    if (!lineage.has(field.target)) continue;
    const isPlain = field.name === field.schemaName && !field.roles?.length && !field.middlewares?.length && !field.params?.length;
    (isPlain ? plain : refused).add(field.schemaName);
  }
  for (const resolver of storage.fieldResolvers) if (lineage.has(resolver.getObjectType?.())) refused.add(resolver.schemaName);
  for (const name of refused) plain.delete(name);
  return plain;
}
