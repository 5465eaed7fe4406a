import { Suspense, lazy, type ComponentType } from 'react';
import { SupergraphProvider } from './api/supergraph-context';
import { ErrorBoundary } from './components/error-boundary';
import { Header } from './components/header';
import { NotFound } from './components/not-found';
import { Loading } from './components/status';
import { useLocation, type Location } from './router';

export interface ViewDefinition {
  route: string;
  label: string;
  component: ComponentType<{ location: Location }>;
}

// The map first: architects come to see the system. Each view is its own chunk: GraphiQL and the graph library load only when their view opens.
export const VIEWS: ViewDefinition[] = [
  { route: 'map', label: 'Cartographie', component: lazy(() => import('./views/map/map-view').then((m) => ({ default: m.MapView }))) },
  { route: 'schema', label: 'Schéma', component: lazy(() => import('./views/schema/schema-view').then((m) => ({ default: m.SchemaView }))) },
  {
    route: 'referentials',
    label: 'Référentiels',
    component: lazy(() => import('./views/referentials/referentials-view').then((m) => ({ default: m.ReferentialsView }))),
  },
  { route: 'courts', label: 'Juridictions', component: lazy(() => import('./views/courts/courts-view').then((m) => ({ default: m.CourtsView }))) },
  { route: 'reviews', label: 'Revues', component: lazy(() => import('./views/reviews/reviews-view').then((m) => ({ default: m.ReviewsView }))) },
  { route: 'ide', label: 'Requêtes', component: lazy(() => import('./views/ide/ide-view').then((m) => ({ default: m.IdeView }))) },
];

export function App() {
  const location = useLocation();
  // The bare /explorer/ opens the map; any other unknown first segment is a "page not found".
  const view = location.segments.length === 0 ? VIEWS[0] : VIEWS.find((v) => v.route === location.segments[0]);
  const View = view?.component;
  return (
    <SupergraphProvider>
      <a className="skip-link" href="#main">
        Aller au contenu
      </a>
      <Header views={VIEWS} current={view?.route} />
      <main id="main" tabIndex={-1} className={`view view-${view?.route ?? 'not-found'}`} data-view={view?.route ?? 'not-found'}>
        <h1 className="visually-hidden">{view?.label ?? 'Page introuvable'}</h1>
        <ErrorBoundary key={view?.route}>
          <Suspense fallback={<Loading />}>{View ? <View location={location} /> : <NotFound route={location.route} />}</Suspense>
        </ErrorBoundary>
      </main>
    </SupergraphProvider>
  );
}
