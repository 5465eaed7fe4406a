import type { ViewDefinition } from '../app';
import { useSupergraph } from '../api/supergraph-context';
import { link } from '../router';

/** Institutional header (Marianne block, service name) and the views' tabs. */
export function Header({ views, current }: { views: ViewDefinition[]; current?: string }) {
  const { model } = useSupergraph();
  return (
    <header className="site-header">
      <div className="brand">
        <div className="marianne" aria-hidden="true">
          <span>République</span>
          <span>Française</span>
        </div>
        <div className="service">
          <div className="service-title">Référentiel Justice</div>
          <div className="service-tagline">Explorateur d'architecture · ministère de la Justice</div>
        </div>
        <div className="subgraphs" title="Sous-graphes servis par la passerelle">
          {model?.subgraphs.map((s) => (
            <span key={s} className="tag">
              {s}
            </span>
          ))}
        </div>
      </div>
      <nav className="tabs" aria-label="Vues">
        {views.map((v) => (
          <a key={v.route} {...link(v.route)} aria-current={v.route === current ? 'page' : undefined} data-testid={`tab-${v.route}`}>
            {v.label}
          </a>
        ))}
      </nav>
    </header>
  );
}
