import { useEffect, useState } from 'react';

// One token for the views that need a role (a steward's reviews, an architect's usage), kept for the browser tab only.
const TOKEN_KEY = 'rj-review-authorization';

export { authorizationHeader } from './authorization-header';

/** The token typed in any view, shared through sessionStorage with the others. */
export function useAuthorization(): [string, (token: string) => void] {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  useEffect(() => sessionStorage.setItem(TOKEN_KEY, token), [token]);
  return [token, setToken];
}

export function TokenInput({ token, onChange, label }: { token: string; onChange: (token: string) => void; label: string }) {
  return (
    <label className="token-input">
      {label}
      <input type="password" value={token} onChange={(e) => onChange(e.target.value)} placeholder="Bearer …" autoComplete="off" data-testid="token-input" />
    </label>
  );
}
