import { MESSAGES } from '../i18n/fr';
import { link, usePageTitle } from '../router';

/** An unknown route says so, and offers the views, instead of silently showing another one. */
export function NotFound({ route }: { route: string }) {
  usePageTitle(MESSAGES.notFound);
  return (
    <div className="notice notice-info" role="status" data-testid="not-found">
      <strong>{MESSAGES.notFound}</strong> — l'adresse « /explorer/{route} » ne correspond à aucune vue ni sélection.
      <div>
        <a {...link('map')}>Revenir à la cartographie</a>
      </div>
    </div>
  );
}
