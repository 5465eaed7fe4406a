import { TokenInput, authorizationHeader, useAuthorization } from '../../api/authorization';
import { Panel } from '../../components/status';
import { navigate } from '../../router';
import { FieldUsagePanel, UnusedFieldsList } from './field-usage';

// Observed usage needs the ARCHITECT role: the same token field as the Revues view, shared for the tab.
const TOKEN_LABEL = "Jeton d'architecte (Authorization)";

/** The chosen field's usage below its type card: clients, counts, 30-day sparkline. */
export function FieldUsageSection({ coordinate }: { coordinate: string }) {
  const [token, setToken] = useAuthorization();
  return (
    <Panel title={`Usage observé de ${coordinate}`} id="field-usage-panel">
      <TokenInput token={token} onChange={setToken} label={TOKEN_LABEL} />
      <FieldUsagePanel coordinate={coordinate} authorization={authorizationHeader(token)} />
    </Panel>
  );
}

/** The "Usage observé" tab: fields nobody read in 30 days, each opening its type and usage. */
export function UnusedFieldsSection() {
  const [token, setToken] = useAuthorization();
  const open = (coordinate: string) => {
    const [type, field] = coordinate.split('.');
    navigate(`schema/${encodeURIComponent(type)}?field=${encodeURIComponent(field ?? '')}`);
  };
  return (
    <Panel title="Champs inutilisés" id="unused-fields-panel">
      <TokenInput token={token} onChange={setToken} label={TOKEN_LABEL} />
      <UnusedFieldsList authorization={authorizationHeader(token)} onSelect={open} />
    </Panel>
  );
}
