import { describeCommune } from './communes';
import type { CourtSite } from './operations';

const hours = (h: CourtSite['openingHours'][number]) => [h.slots.map((s) => `${s.opens}–${s.closes}`).join(', '), h.note].filter(Boolean).join(' · ');

/** One site of a court as the public directory describes it: address, contacts, opening hours, directory page. */
export function CourtSiteCard({ site }: { site: CourtSite }) {
  return (
    <div className="site-card small" data-testid="court-site">
      <strong>{site.label}</strong>
      {site.main && <span className="tag">siège</span>}
      <dl>
        <dt>Adresse</dt>
        {/* The directory sometimes leaves the commune empty: its INSEE code still names it. */}
        <dd>
          {[site.address, [site.postalCode, site.city || describeCommune(site.inseeCode).name].filter(Boolean).join(' ')].filter(Boolean).join(', ')}{' '}
          <span className="muted">(INSEE {site.inseeCode})</span>
        </dd>
        {site.phones.length > 0 && (
          <>
            <dt>Téléphone</dt>
            <dd>
              {site.phones.map((p, i) => (
                <span key={p}>
                  {i > 0 && ', '}
                  <a href={`tel:${p.replace(/[^+\d]/g, '')}`}>{p}</a>
                </span>
              ))}
            </dd>
          </>
        )}
        {site.emails.length > 0 && (
          <>
            <dt>Courriel</dt>
            <dd>
              {site.emails.map((m, i) => (
                <span key={m}>
                  {i > 0 && ', '}
                  <a href={`mailto:${m}`}>{m}</a>
                </span>
              ))}
            </dd>
          </>
        )}
        {site.website && (
          <>
            <dt>Site web</dt>
            <dd>
              <a href={site.website} rel="noopener noreferrer" target="_blank">
                {site.website}
              </a>
            </dd>
          </>
        )}
        {site.openingHours.length > 0 && (
          <>
            <dt>Horaires</dt>
            <dd>
              <ul className="compact">
                {site.openingHours.map((h, i) => (
                  <li key={i}>
                    {h.days} : {hours(h) || '—'}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {site.directoryUrl && (
        <a href={site.directoryUrl} rel="noopener noreferrer" target="_blank">
          Fiche de l'annuaire de l'administration
        </a>
      )}
      {site.directoryUpdatedOn && <span className="muted"> · mise à jour le {site.directoryUpdatedOn}</span>}
    </div>
  );
}
