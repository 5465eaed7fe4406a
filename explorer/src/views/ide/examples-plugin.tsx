import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import type { ExampleOperation } from './examples';

function ExampleList({ examples }: { examples: ExampleOperation[] }) {
  const editor = useEditorContext();
  const bySubgraph = new Map<string, ExampleOperation[]>();
  for (const e of examples) bySubgraph.set(e.subgraph, [...(bySubgraph.get(e.subgraph) ?? []), e]);
  return (
    <div className="examples">
      <div className="graphiql-doc-explorer-title">Exemples</div>
      {[...bySubgraph].map(([subgraph, list]) => (
        <section key={subgraph}>
          <h3 className="examples-subgraph">{subgraph}</h3>
          {list.map((e) => (
            <button key={e.title} type="button" className="example" onClick={() => editor?.queryEditor?.setValue(e.query)}>
              {e.title}
            </button>
          ))}
        </section>
      ))}
    </div>
  );
}

const ExamplesIcon = () => (
  <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
    <path d="M4 5h16M4 12h16M4 19h10" />
  </svg>
);

/** A GraphiQL sidebar plugin listing example operations, grouped by the subgraph that serves them. */
export const examplesPlugin = (examples: ExampleOperation[]): GraphiQLPlugin => ({
  title: 'Exemples',
  icon: ExamplesIcon,
  content: () => <ExampleList examples={examples} />,
});
