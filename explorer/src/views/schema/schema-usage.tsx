import { TokenInput, authorizationHeader, useAuthorization } from '../../api/authorization';
import { Panel } from '../../components/status';
import { useState } from 'react';
import { navigate, useScrollIntoView } from '../../router';
import { FieldUsagePanel, UnusedFieldsList } from './field-usage';

// Observed usage needs the ARCHITECT role: the same token field as the Revues view, shared for the tab.
const TOKEN_LABEL = "Jeton d'architecte (Authorization)";

/** The chosen field's usage below its type card: clients, counts, 30-day sparkline. */
export function FieldUsageSection({ coordinate }: { coordinate: string }) {
  const [token, setToken] = useAuthorization();
  const [box, setBox] = useState<HTMLElement | null>(null);
  // Below a long type card: a deep link or a click on a field brings its usage on screen.
  useScrollIntoView(box, coordinate);
  return (
    <div ref={setBox}>
      <Panel title={`Usage observé de ${coordinate}`} id="field-usage-panel">
        <TokenInput token={token} onChange={setToken} label={TOKEN_LABEL} />
        <FieldUsagePanel coordinate={coordinate} authorization={authorizationHeader(token)} />
      </Panel>
    </div>
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
