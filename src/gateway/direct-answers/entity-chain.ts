import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import { deepMerge } from '@apollo/gateway/dist/utilities/deepMerge';
import {
  BREAK,
  buildASTSchema,
  execute,
  isObjectType,
  OperationTypeNode,
  parse,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  visit,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { project, projectionOf, type Projection } from './projection';

type Data = Record<string, unknown>;

/** The entities an entity fetch resolves: the objects of type `typeName` at `path`, represented by their `keys`. */
interface EntityTargets {
  path: readonly string[];
  typeName: string;
  keys: readonly string[];
}

/** One subgraph fetch of the plan, compiled: the root fetch, or an entity fetch. */
interface Step {
  compiled: CompiledQuery;
  variableUsages: readonly string[];
  entities?: EntityTargets;
}

/**
 * A plan of one root fetch then entity fetches that need only `__typename` and key fields of an object type (the
 * walk Court → deployments → application → exchanges → referentials → entries is four): run in one process without
 * the gateway's executor, each fetch on its subgraph's compiled schema and merged as the gateway merges, then the
 * client's document shaped over the API schema: projected when it is plain fields (see projection.ts), else run again
 * (graphql-jit, or graphql-js by response key when it has aliases).
 */
export interface EntityChain {
  steps: readonly Step[];
  /** The API schema without resolvers: Apollo Server instruments the fields of the one it holds, which read by name. */
  shapingSchema: GraphQLSchema;
  document: DocumentNode;
  /** Plain fields on object types: the answer is the merged data's fields in the document's order, no execution. */
  projection?: Projection;
  /** Without aliases, a response key is a field's name: the shaping is compiled (graphql-jit reads fields by name). */
  shaper?: CompiledQuery;
}

/** Whether any field of the document is aliased. */
function hasAliases(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!node.alias) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

const shapingSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();
function shapingSchemaOf(apiSchema: GraphQLSchema): GraphQLSchema {
  let schema = shapingSchemas.get(apiSchema);
  if (!schema) shapingSchemas.set(apiSchema, (schema = buildASTSchema(parse(printSchema(apiSchema)), { assumeValidSDL: true })));
  return schema;
}

/** Response keys: the merged data holds each field under its alias, as the fetches asked for it. */
const byResponseKey: GraphQLFieldResolver<Data, unknown> = (source, _args, _context, info) => source[info.path.key as string];

function compiledFetch(fetch: FetchNode, schemas: ReadonlyMap<string, GraphQLSchema>): CompiledQuery | undefined {
  const schema = schemas.get(fetch.serviceName);
  if (!schema) return undefined;
  const compiled = compileQuery(schema, parse(fetch.operation), fetch.operationName);
  return isCompiledQuery(compiled) ? compiled : undefined;
}

const plainFetch = (node: PlanNode | undefined): node is FetchNode =>
  node?.kind === 'Fetch' &&
  node.operationKind === OperationTypeNode.QUERY &&
  !node.hasDefers &&
  !node.inputRewrites?.length &&
  !node.outputRewrites?.length &&
  !node.contextRewrites?.length;

/** `... on T { __typename key… }` with T an object type: the representation is the entity's own fields, nothing computed. */
function keyRequires(fetch: FetchNode, apiSchema: GraphQLSchema): Omit<EntityTargets, 'path'> | undefined {
  const [fragment, ...others] = fetch.requires ?? [];
  if (!fragment || others.length || fragment.kind !== 'InlineFragment' || !fragment.typeCondition) return undefined;
  if (!isObjectType(apiSchema.getType(fragment.typeCondition))) return undefined;
  const keys: string[] = [];
  for (const field of fragment.selections) {
    if (field.kind !== 'Field' || field.alias || field.selections) return undefined;
    keys.push(field.name);
  }
  return keys.includes('__typename') ? { typeName: fragment.typeCondition, keys } : undefined;
}

/** The chain a plan is, or undefined for any other shape (conditions, `@requires`, rewrites, parallel branches…). */
export function entityChainOf(
  plan: QueryPlan,
  schemas: ReadonlyMap<string, GraphQLSchema>,
  apiSchema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
): EntityChain | undefined {
  if (plan.node?.kind !== 'Sequence') return undefined;
  const [root, ...rest] = plan.node.nodes;
  if (!plainFetch(root) || root.requires || !rest.length) return undefined;
  const first = compiledFetch(root, schemas);
  if (!first) return undefined;
  const steps: Step[] = [{ compiled: first, variableUsages: root.variableUsages ?? [] }];
  for (const node of rest) {
    if (node.kind !== 'Flatten' || !plainFetch(node.node)) return undefined;
    const path = node.path;
    if (!path.every((segment): segment is string => typeof segment === 'string' && /^(@|[_A-Za-z][_0-9A-Za-z]*)$/.test(segment))) return undefined;
    const entities = keyRequires(node.node, apiSchema);
    const compiled = entities && compiledFetch(node.node, schemas);
    if (!entities || !compiled) return undefined;
    steps.push({ compiled, variableUsages: node.node.variableUsages ?? [], entities: { ...entities, path } });
  }
  const shapingSchema = shapingSchemaOf(apiSchema);
  const projection = projectionOf(shapingSchema, document, operationName);
  if (projection) return { steps, shapingSchema, document, projection };
  const shaper = hasAliases(document) ? undefined : compileQuery(shapingSchema, document, operationName);
  return { steps, shapingSchema, document, ...(shaper && isCompiledQuery(shaper) ? { shaper } : {}) };
}

/** The objects at a flatten path (`@` for each element of a list), as the gateway's `flattenResultsAtPath` finds them. */
function objectsAt(value: unknown, path: readonly string[], found: Data[], depth = 0): void {
  if (value === null || value === undefined) return;
  if (depth === path.length) {
    if (Array.isArray(value)) for (const element of value) objectsAt(element, path, found, depth);
    else found.push(value as Data);
    return;
  }
  const head = path[depth];
  if (head === '@') {
    if (Array.isArray(value)) for (const element of value) objectsAt(element, path, found, depth + 1);
    return;
  }
  if (Array.isArray(value) || !Object.hasOwn(value as Data, head)) return;
  objectsAt((value as Data)[head], path, found, depth + 1);
}

/** The variables a fetch uses, as the gateway passes them: only those the client gave. */
function usedVariables(names: readonly string[], variables: Readonly<Data>): Data {
  const used: Data = {};
  for (const name of names) if (Object.hasOwn(variables, name) && variables[name] !== undefined) used[name] = variables[name];
  return used;
}

/**
 * The answer, or undefined whenever it might differ from the gateway's: an error anywhere, a missing key, an entity
 * not found. The whole path then answers (a query has no side effect).
 */
export async function runEntityChain(
  chain: EntityChain,
  context: unknown,
  variables: Readonly<Data>,
  operationName: string | null,
): Promise<ExecutionResult | undefined> {
  const [root, ...entitySteps] = chain.steps;
  const rootResult = await root.compiled.query(undefined, context, usedVariables(root.variableUsages, variables));
  if (rootResult.errors?.length || !rootResult.data) return undefined;
  const data = rootResult.data as Data;
  for (const step of entitySteps) {
    const { path, typeName, keys } = step.entities!;
    const targets: Data[] = [];
    objectsAt(data, path, targets);
    const entities: Data[] = [];
    const representations: Data[] = [];
    for (const entity of targets) {
      if (entity.__typename !== typeName) continue;
      const representation: Data = {};
      for (const key of keys) {
        if (entity[key] === undefined) return undefined;
        representation[key] = entity[key];
      }
      entities.push(entity);
      representations.push(representation);
    }
    if (!representations.length) continue;
    const result = await step.compiled.query(undefined, context, { ...usedVariables(step.variableUsages, variables), representations });
    const received = (result.data as { _entities?: unknown[] } | null | undefined)?._entities;
    if (result.errors?.length || !Array.isArray(received) || received.length !== entities.length) return undefined;
    for (let i = 0; i < entities.length; i++) {
      const entity = received[i] as Data | null;
      if (!entity) return undefined;
      entity.__typename ??= typeName;
      deepMerge(entities[i], entity);
    }
  }
  if (chain.projection) {
    const projected = project(data, chain.projection);
    return projected && { data: projected };
  }
  const shaped = chain.shaper
    ? await chain.shaper.query(data, undefined, variables)
    : await execute({
        schema: chain.shapingSchema,
        document: chain.document,
        rootValue: data,
        variableValues: variables,
        operationName,
        fieldResolver: byResponseKey,
      });
  return shaped.errors?.length ? undefined : shaped;
}
