import { operationAtCursor } from './operation-at-cursor';

interface CursorEditor {
  getCursor(): unknown;
  indexFromPos(position: unknown): number;
}

let editor: CursorEditor | undefined;

/** The query editor, as GraphiQL created it: the fetcher and the plan read its cursor. */
export const trackQueryEditor = (instance: CursorEditor | null | undefined): void => {
  editor = instance ?? undefined;
};

/** The name of the operation under the query editor's cursor. */
export function currentOperation(query: string, requested?: string | null): string | undefined {
  return operationAtCursor(query, editor ? editor.indexFromPos(editor.getCursor()) : undefined, requested);
}
