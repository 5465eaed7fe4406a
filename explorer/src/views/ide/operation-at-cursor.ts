import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/**
 * The operation to run: the one under the cursor when the document has several, else the requested one if the
 * document still has it, else the first. GraphiQL updates its operation name a moment after an edit, so "Run" right
 * after picking an example would send the previous example's name (the server refuses an unknown one).
 */
export function operationAtCursor(query: string, cursor: number | undefined, requested?: string | null): string | undefined {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return requested ?? undefined; // the server says what is wrong with the document
  }
  if (operations.length <= 1) return operations[0]?.name?.value;
  const under = cursor === undefined ? undefined : operations.find((o) => o.loc && o.loc.start <= cursor && cursor <= o.loc.end);
  if (under) return under.name?.value;
  if (requested && operations.some((o) => o.name?.value === requested)) return requested;
  return operations[0].name?.value;
}
