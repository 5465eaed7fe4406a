import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { useMemo } from 'react';
import { GRAPHQL_URL } from '../../api/graphql';
import { useSupergraph } from '../../api/supergraph-context';
import { Loading } from '../../components/status';
import { EXAMPLES } from './examples';
import { examplesPlugin } from './examples-plugin';

const fetcher = createGraphiQLFetcher({ url: GRAPHQL_URL });

/** GraphiQL, bundled: docs explorer, history (kept in localStorage) and example operations per subgraph. */
export function IdeView() {
  const { model } = useSupergraph();
  const examples = useMemo(() => EXAMPLES.filter((e) => model && e.fields.every((f) => model.queryFields.has(f))), [model]);
  const plugins = useMemo(() => [examplesPlugin(examples)], [examples]);
  if (!model) return <Loading />;
  return (
    <div className="ide" data-testid="ide">
      <GraphiQL fetcher={fetcher} plugins={plugins} defaultQuery={examples[0]?.query} defaultEditorToolsVisibility={false} />
    </div>
  );
}
