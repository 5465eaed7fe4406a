import { Suspense, lazy, type ComponentType } from 'react';
import { SupergraphProvider } from './api/supergraph-context';
import { ErrorBoundary } from './components/error-boundary';
import { Header } from './components/header';
import { Loading } from './components/status';
import { useRoute } from './router';

export interface ViewDefinition {
  route: string;
  label: string;
  component: ComponentType;
}

// The map first: architects come to see the system. Each view is its own chunk: GraphiQL and the graph library load only when their view opens.
export const VIEWS: ViewDefinition[] = [
  { route: 'map', label: 'Cartographie', component: lazy(() => import('./views/map/map-view').then((m) => ({ default: m.MapView }))) },
  { route: 'schema', label: 'Schéma', component: lazy(() => import('./views/schema/schema-view').then((m) => ({ default: m.SchemaView }))) },
  { route: 'referentials', label: 'Référentiels', component: lazy(() => import('./views/referentials/referentials-view').then((m) => ({ default: m.ReferentialsView }))) },
  { route: 'courts', label: 'Juridictions', component: lazy(() => import('./views/courts/courts-view').then((m) => ({ default: m.CourtsView }))) },
  { route: 'ide', label: 'Requêtes', component: lazy(() => import('./views/ide/ide-view').then((m) => ({ default: m.IdeView }))) },
];

export function App() {
  const route = useRoute();
  const view = VIEWS.find((v) => route === v.route || route.startsWith(`${v.route}/`)) ?? VIEWS[0];
  const View = view.component;
  return (
    <SupergraphProvider>
      <Header views={VIEWS} current={view.route} />
      <main className={`view view-${view.route}`} data-view={view.route}>
        <ErrorBoundary key={view.route}>
          <Suspense fallback={<Loading />}>
            <View />
          </Suspense>
        </ErrorBoundary>
      </main>
    </SupergraphProvider>
  );
}
