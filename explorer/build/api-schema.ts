import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import type { DefinitionNode, DocumentNode, GraphQLSchema } from 'graphql';

// graphql loaded as @graphql-inspector/core loads it: Vite's config bundler would import its ESM build, a second
// instance whose types the inspector does not recognise (every type then "changes kind" from X to X).
const { Kind, buildASTSchema, parse } = createRequire(__filename)('graphql') as typeof GraphQL;

const FEDERATION_NAME = /^(join__|link__)/;
const FEDERATION_DIRECTIVES = new Set([
  'link',
  'join__graph',
  'join__type',
  'join__field',
  'join__implements',
  'join__unionMember',
  'join__enumValue',
  'join__directive',
  'join__owner',
]);

function strip<T extends { directives?: readonly { name: { value: string } }[] }>(node: T): T {
  return node.directives ? { ...node, directives: node.directives.filter((d) => !FEDERATION_DIRECTIVES.has(d.name.value)) } : node;
}

/** The client-facing schema of a supergraph: without join/link machinery, so diffs only report what clients see. */
export function apiDocument(supergraphSdl: string): DocumentNode {
  const definitions: DefinitionNode[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) continue;
    if ('name' in definition && definition.name && FEDERATION_NAME.test(definition.name.value)) continue;
    if (definition.kind === Kind.DIRECTIVE_DEFINITION && FEDERATION_DIRECTIVES.has(definition.name.value)) continue;
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION
    ) {
      const fields = (definition.fields ?? []).map((f) => strip(f));
      definitions.push({ ...strip(definition), fields } as DefinitionNode);
    } else if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
      definitions.push({ ...strip(definition), values: (definition.values ?? []).map((v) => strip(v)) });
    } else {
      definitions.push('directives' in definition ? (strip(definition as never) as DefinitionNode) : definition);
    }
  }
  return { kind: Kind.DOCUMENT, definitions };
}

export const apiSchema = (supergraphSdl: string): GraphQLSchema => buildASTSchema(apiDocument(supergraphSdl), { assumeValidSDL: true });
