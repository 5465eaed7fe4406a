import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { useCallback, useEffect, useState } from 'react';
import { BASE } from '../../router';
import { currentOperation } from './editor-cursor';

interface PlanState {
  plan?: string;
  error?: string;
  loading?: boolean;
}

/** The gateway's plan for the operation in the editor: which subgraph is fetched, in what order, with which keys. */
function QueryPlanPane() {
  const editor = useEditorContext();
  const [state, setState] = useState<PlanState>({});
  const refresh = useCallback(async () => {
    const query = editor?.queryEditor?.getValue() ?? '';
    if (!query.trim()) return setState({ error: "L'éditeur est vide : écrivez ou choisissez une opération." });
    setState((s) => ({ ...s, loading: true }));
    try {
      const response = await fetch(`${BASE}api/query-plan`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, operationName: currentOperation(query) }),
      });
      const body = (await response.json()) as { plan?: string; errors?: { message: string }[] };
      setState(body.plan ? { plan: body.plan } : { error: `Plan impossible : ${body.errors?.map((e) => e.message).join(' ; ') ?? `HTTP ${response.status}`}` });
    } catch {
      setState({ error: 'Le serveur ne répond pas.' });
    }
  }, [editor?.queryEditor]);
  useEffect(() => void refresh(), [refresh]);
  return (
    <div className="query-plan">
      <div className="graphiql-doc-explorer-title">Plan de requête</div>
      <p className="small">
        Le plan que la passerelle exécute pour l'opération sous le curseur : chaque <code>Fetch</code> est une requête à un sous-graphe, <code>Flatten</code>{' '}
        rattache les entités.
      </p>
      <button type="button" className="button" onClick={() => void refresh()}>
        Recalculer
      </button>
      {state.loading && <p role="status">Calcul…</p>}
      {state.error && (
        <p role="alert" className="notice notice-error">
          {state.error}
        </p>
      )}
      {state.plan && (
        <pre data-testid="query-plan" tabIndex={0} aria-label="Plan de requête">
          {state.plan}
        </pre>
      )}
    </div>
  );
}

const PlanIcon = () => (
  <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
    <path d="M5 4h6v5H5zM13 15h6v5h-6zM8 9v4h8v2" />
  </svg>
);

/** A GraphiQL sidebar plugin showing the gateway's query plan, as Apollo's Explorer does. */
export const queryPlanPlugin: GraphiQLPlugin = { title: 'Plan de requête', icon: PlanIcon, content: () => <QueryPlanPane /> };
