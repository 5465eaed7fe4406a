import { useMissingFields } from '../../api/supergraph-context';
import { Panel } from '../../components/status';
import { Unavailable } from '../../components/unavailable';
import { CommuneLookup } from './commune-lookup';
import { CourtTree } from './court-tree';
import { CourtTypeChart } from './court-type-chart';
import { COURTS_FIELDS } from './operations';

/** The court hierarchy (cours d'appel down to proximity courts) and the commune → competent courts lookup. */
export function CourtsView() {
  const missing = useMissingFields(COURTS_FIELDS);
  if (missing?.length) return <Unavailable subgraph="organisation" missing={missing} />;
  return (
    <div className="columns">
      <div className="column-main">
        <Panel title="Hiérarchie des juridictions"><CourtTree /></Panel>
      </div>
      <aside className="column-side">
        <Panel title="Quelle juridiction pour ma commune ?"><CommuneLookup /></Panel>
        <Panel title="Juridictions en activité"><CourtTypeChart /></Panel>
      </aside>
    </div>
  );
}
