import type { GraphQLFieldResolver } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';

type Resolver = GraphQLFieldResolver<unknown, GraphQLContext>;
type Storage = ReturnType<typeof getMetadataStorage>;
type HandlerMetadata = Storage['queries'][number] | Storage['fieldResolvers'][number];
type Param = NonNullable<HandlerMetadata['params']>[number];
type Instance = Record<string, (...args: unknown[]) => unknown>;
/** A resolver class, as type-graphql's metadata names it. */
type Target = HandlerMetadata['target'];

/** Replaces type-graphql's resolver (kept for the calls it must convert) by a direct call. */
export type LeanResolver = (typeGraphqlResolver: Resolver) => Resolver;

/** How a parameter is read from graphql's call; `input` when type-graphql must convert a given value to its class. */
interface Reader {
  read: (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;
  input?: string;
}

function readerOf(param: Param, storage: Storage): Reader | undefined {
  switch (param.kind) {
    case 'root': {
      const property = param.propertyName;
      return { read: property ? (root) => (root as Record<string, unknown> | null | undefined)?.[property] : (root) => root };
    }
    case 'context': {
      const property = param.propertyName;
      return { read: property ? (_root, _args, context) => (context as Record<string, unknown>)[property] : (_root, _args, context) => context };
    }
    case 'info':
      return { read: (_root, _args, _context, info) => info };
    case 'arg': {
      if (param.validateFn || param.validateSettings !== undefined) return undefined;
      const name = param.name;
      const target = param.getType();
      // An input object becomes an instance of its class: a call that gives one goes through type-graphql.
      const input = storage.inputTypes.some((type) => type.target === target) ? name : undefined;
      return { read: (_root, args) => args[name], ...(input ? { input } : {}) };
    }
    default:
      return undefined;
  }
}

function leanOf(metadata: HandlerMetadata, storage: Storage, instances: Map<Target, Instance>): LeanResolver | undefined {
  if (metadata.roles !== undefined || metadata.middlewares?.length) return undefined;
  const readers: Reader[] = [];
  for (const param of [...(metadata.params ?? [])].sort((a, b) => a.index - b.index)) {
    const reader = readerOf(param, storage);
    if (!reader) return undefined;
    readers.push(reader);
  }
  let instance = instances.get(metadata.target);
  if (!instance) instances.set(metadata.target, (instance = new (metadata.target as new () => Instance)()));
  const method = instance[metadata.methodName];
  if (typeof method !== 'function') return undefined;
  const target = instance;
  const inputs = readers.flatMap((reader) => (reader.input ? [reader.input] : []));
  const reads = readers.map((reader) => reader.read);
  return (typeGraphqlResolver) => (root, args, context, info) => {
    for (const input of inputs) if (args[input] !== undefined && args[input] !== null) return typeGraphqlResolver(root, args, context, info);
    const values = new Array<unknown>(reads.length);
    for (let i = 0; i < reads.length; i++) values[i] = reads[i](root, args, context, info);
    return method.apply(target, values);
  };
}

const ofBuild = (classes: readonly Target[]) => (target: Target) => classes.some((cls) => cls === target || Object.prototype.isPrototypeOf.call(target, cls));

/**
 * type-graphql calls every resolver through a handler that sorts its parameters, copies its root into an instance of
 * the root's class, and awaits an async validation per argument (`Promise.all` even with validation off): on the
 * walk, nearly a third of its allocations. A query or field resolver of these classes without roles or middlewares is
 * called directly instead, with the same arguments; a call giving an input object still goes through type-graphql
 * (its class instance). The roots resolvers read are plain rows or stubs (none calls a method on its root). Keyed
 * `Type.field`, as type-graphql's schema built from the same classes holds them.
 */
export function leanResolvers(resolverClasses: readonly Target[], queryTypeName: string): Map<string, LeanResolver> {
  const storage = getMetadataStorage();
  const inBuild = ofBuild(resolverClasses);
  const instances = new Map<Target, Instance>();
  const lean = new Map<string, LeanResolver>();
  const seen = new Set<string>();
  const add = (key: string, metadata: HandlerMetadata) => {
    // The first, as type-graphql's own lookup finds it.
    if (seen.has(key)) return;
    seen.add(key);
    const resolver = leanOf(metadata, storage, instances);
    if (resolver) lean.set(key, resolver);
  };
  for (const query of storage.queries) if (inBuild(query.target)) add(`${queryTypeName}.${query.schemaName}`, query);
  for (const field of storage.fieldResolvers) {
    if (field.kind !== 'external' || !inBuild(field.target)) continue;
    const objectClass = field.getObjectType?.();
    const typeName = storage.objectTypes.find((type) => type.target === objectClass)?.name;
    if (typeName) add(`${typeName}.${field.schemaName}`, field);
  }
  return lean;
}
