import { useEditorContext } from '@graphiql/react';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { useEffect, useMemo } from 'react';
import { GRAPHQL_URL } from '../../api/graphql';
import { useSupergraph } from '../../api/supergraph-context';
import { Loading } from '../../components/status';
import { usePageTitle } from '../../router';
import { currentOperation, trackQueryEditor } from './editor-cursor';
import { EXAMPLES } from './examples';
import { examplesPlugin } from './examples-plugin';
import { queryPlanPlugin } from './query-plan-plugin';

const toServer = createGraphiQLFetcher({ url: GRAPHQL_URL });
// The operation sent is the one under the cursor, whatever GraphiQL's (debounced) operation name still says.
const fetcher: Fetcher = (params, options) =>
  toServer({ ...params, operationName: currentOperation(params.query, params.operationName) ?? params.operationName }, options);

/** Keeps a handle on GraphiQL's query editor for the fetcher and the plan. */
function EditorTracker() {
  const editor = useEditorContext();
  useEffect(() => trackQueryEditor(editor?.queryEditor as Parameters<typeof trackQueryEditor>[0]), [editor?.queryEditor]);
  return null;
}

/** GraphiQL, bundled: docs explorer, history (kept in localStorage), example operations per subgraph and the query plan. */
export function IdeView() {
  const { model } = useSupergraph();
  usePageTitle('Requêtes');
  const examples = useMemo(() => EXAMPLES.filter((e) => model && e.fields.every((f) => model.queryFields.has(f))), [model]);
  const plugins = useMemo(() => [examplesPlugin(examples), queryPlanPlugin], [examples]);
  if (!model) return <Loading />;
  return (
    <div className="ide" data-testid="ide">
      <GraphiQL fetcher={fetcher} plugins={plugins} defaultQuery={examples[0]?.query} defaultEditorToolsVisibility={false} forcedTheme="light">
        <GraphiQL.Logo>Requêtes</GraphiQL.Logo>
        {/* GraphiQL's editor context exists only inside it: the tracker rides in its footer, drawing nothing. */}
        <GraphiQL.Footer>
          <EditorTracker />
        </GraphiQL.Footer>
      </GraphiQL>
    </div>
  );
}
