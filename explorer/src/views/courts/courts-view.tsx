import { useMissingFields } from '../../api/supergraph-context';
import { Panel } from '../../components/status';
import { Unavailable } from '../../components/unavailable';
import { usePageTitle, type Location } from '../../router';
import { CommuneLookup } from './commune-lookup';
import { describeCommune } from './communes';
import { CourtDetails } from './court-details';
import { CourtTree } from './court-tree';
import { CourtTypeChart } from './court-type-chart';
import { COURTS_FIELDS } from './operations';

/**
 * The court hierarchy and the commune → competent courts lookup. Deep links: /explorer/courts?insee=2A004 (a
 * commune), /explorer/courts/<code> (a court). The selection comes first on a phone.
 */
export function CourtsView({ location }: { location: Location }) {
  const missing = useMissingFields(COURTS_FIELDS);
  const code = location.segments[1];
  const insee = location.params.get('insee')?.trim().toUpperCase() || (code ? '' : '01001');
  const commune = location.params.has('insee') ? describeCommune(insee) : undefined;
  usePageTitle(code ? null : commune && `${commune.name ?? 'Commune'} (${insee})`, 'Juridictions');
  if (missing?.length) return <Unavailable subgraph="organisation" missing={missing} />;
  return (
    <div className="columns">
      <div className="column-side column-first">
        {code && (
          <Panel title="Juridiction" id="court-panel">
            <CourtDetails code={code} />
          </Panel>
        )}
        <Panel title="Quelle juridiction pour ma commune ?" id="commune-panel">
          <CommuneLookup insee={insee} />
        </Panel>
        <Panel title="Juridictions en activité">
          <CourtTypeChart />
        </Panel>
      </div>
      <div className="column-main">
        <Panel title="Hiérarchie des juridictions">
          <CourtTree selected={code} />
        </Panel>
      </div>
    </div>
  );
}
