import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { link, usePageTitle, useScrollIntoView } from '../../router';
import { CourtChain } from './court-chain';
import { CourtSiteCard } from './court-site';
import { COURT_DETAILS, TYPE_LABEL, type CourtDetails as Result } from './operations';
import { today } from './today';

/** One court, as its deep link /explorer/courts/<code> opens it: its chain, validity, sites and the courts below. */
export function CourtDetails({ code }: { code: string }) {
  const { data, error } = useQuery<Result>(COURT_DETAILS, { code, at: today() });
  const [box, setBox] = useState<HTMLElement | null>(null);
  usePageTitle(data?.court?.name ?? code, 'Juridictions');
  useScrollIntoView(box, data?.court?.code);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const court = data.court;
  if (!court)
    return (
      <p className="notice notice-info" role="status" data-testid="court-unknown">
        Aucune juridiction n'a le code « {code} ».
      </p>
    );
  return (
    <div ref={setBox} data-testid="court-details" className="court-details">
      <h3>{court.name}</h3>
      <div className="small">
        <span className="tag" title={court.type}>
          {TYPE_LABEL[court.type]}
        </span>{' '}
        <span className="muted">
          code {court.code} · {court.shortName}
        </span>
      </div>
      <CourtChain ancestors={court.ancestors} court={court} />
      <div className="muted small">
        {court.validFrom ? `En vigueur depuis le ${court.validFrom}` : 'En vigueur depuis avant le SRJ'}
        {court.validTo ? `, fermée le ${court.validTo}` : ''}
      </div>
      {court.sites.length > 0 && <h4>Sites ({court.sites.length})</h4>}
      {court.sites.map((s) => (
        <CourtSiteCard key={s.id} site={s} />
      ))}
      {court.children.length > 0 && (
        <>
          <h4>Juridictions rattachées ({court.children.length})</h4>
          <ul className="compact scroll">
            {court.children.map((c) => (
              <li key={c.code}>
                <a {...link(`courts/${encodeURIComponent(c.code)}`)}>{c.name}</a> <span className="muted small">{TYPE_LABEL[c.type]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
