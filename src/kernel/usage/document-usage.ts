import { Kind, OperationTypeNode, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';

/** A value as the document gives it: a literal, or the name of a variable to read from each request. */
type ArgumentValue = { literal: string | number } | { variable: string } | null;

/** A root query field that reads one referential (`entries(referential: "NATINF", release: 3)`, `referential(code:)`). */
export interface ReferentialRead {
  referential: ArgumentValue;
  release: ArgumentValue;
}

/** What a document reads, worked out once per distinct document: every request of it then costs a map increment. */
export interface DocumentUsage {
  /** Schema coordinates (`Court.parent`, `Query.competentCourts`) the document selects, introspection left out. */
  coordinates: readonly string[];
  referentialReads: readonly ReferentialRead[];
  /** The name of the document's only operation, for requests that do not name it. */
  soleOperationName: string | null;
}

function argumentValue(value: ValueNode | undefined): ArgumentValue {
  if (!value) return null;
  if (value.kind === Kind.VARIABLE) return { variable: value.name.value };
  if (value.kind === Kind.STRING || value.kind === Kind.ENUM) return { literal: value.value };
  if (value.kind === Kind.INT) return { literal: Number(value.value) };
  return null;
}

/** Coordinates are taken with TypeInfo over the client-facing supergraph schema; fields it does not know are skipped. */
export function analyseDocument(schema: GraphQLSchema, document: DocumentNode): DocumentUsage {
  const typeInfo = new TypeInfo(schema);
  const coordinates = new Set<string>();
  const referentialReads: ReferentialRead[] = [];
  const queryType = schema.getQueryType();
  let inQuery = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: { enter: (node) => void (inQuery = node.operation === OperationTypeNode.QUERY) },
      FragmentDefinition: { enter: () => void (inQuery = true) },
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__') || !typeInfo.getFieldDef()) return;
        coordinates.add(`${parent.name}.${node.name.value}`);
        if (!inQuery || parent !== queryType) return;
        const argument = (name: string) => argumentValue(node.arguments?.find((a) => a.name.value === name)?.value);
        const referential = node.name.value === 'referential' ? argument('code') : argument('referential');
        if (referential) referentialReads.push({ referential, release: argument('release') });
      },
    }),
  );
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return { coordinates: [...coordinates].sort(), referentialReads, soleOperationName: operations.length === 1 ? (operations[0].name?.value ?? null) : null };
}

const CODE = /^[A-Za-z0-9_-]{1,64}$/;

const valueOf = (value: ArgumentValue, variables: Record<string, unknown> | null | undefined): unknown =>
  value === null ? null : 'literal' in value ? value.literal : variables?.[value.variable];

/** `NATINF@3`, `NAC@` (no release named: the latest published, resolved when written), for one request's variables. */
export function referentialsRead(reads: readonly ReferentialRead[], variables: Record<string, unknown> | null | undefined): string[] {
  const found = new Set<string>();
  for (const read of reads) {
    const code = valueOf(read.referential, variables);
    if (typeof code !== 'string' || !CODE.test(code)) continue;
    const release = valueOf(read.release, variables);
    found.add(`${code.toUpperCase()}@${Number.isSafeInteger(release) && (release as number) > 0 ? release : ''}`);
  }
  return [...found];
}
