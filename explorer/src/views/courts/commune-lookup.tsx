import { useState, type FormEvent } from 'react';
import { useQuery } from '../../api/use-query';
import { ErrorBox, Loading } from '../../components/status';
import { COMPETENT_COURTS, TYPE_LABEL, type CompetentCourts } from './operations';

const EXAMPLES = [['01001', "L'Abergement-Clémenciat"], ['75056', 'Paris'], ['67482', 'Strasbourg'], ['2A004', 'Ajaccio']];

/** INSEE code → the competent court of each kind, each drawn with the chain of courts above it. */
export function CommuneLookup() {
  const [input, setInput] = useState('01001');
  const [insee, setInsee] = useState('01001');
  const { data, error, loading } = useQuery<CompetentCourts>(COMPETENT_COURTS, { insee }, !insee);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setInsee(input.trim().toUpperCase());
  };
  return (
    <div data-testid="commune-lookup">
      <form className="toolbar" onSubmit={submit}>
        <input value={input} onChange={(e) => setInput(e.target.value)} placeholder="Code INSEE, ex. 01001" aria-label="Code INSEE de la commune" data-testid="insee-input" />
        <button type="submit" className="button">Chercher</button>
      </form>
      <div className="examples-inline small">
        Exemples : {EXAMPLES.map(([code, name]) => (
          <button key={code} type="button" className="link" onClick={() => { setInput(code); setInsee(code); }}>{name}</button>
        ))}
      </div>
      {error && <ErrorBox error={error} />}
      {loading && <Loading />}
      {data && !loading && (
        <ul className="competent" data-testid="competent-courts">
          {data.competentCourts.map(({ type, court }) => {
            const site = court.sites.find((s) => s.main) ?? court.sites[0];
            return (
              <li key={type} className="competent-item">
                <div className="competent-kind">{TYPE_LABEL[type]}</div>
                <div className="chain">
                  {[...court.ancestors].reverse().map((a) => (
                    <span key={a.code} className="chain-step"><span className={`dot type-${a.type}`} />{a.shortName}<span className="chain-arrow">→</span></span>
                  ))}
                  <strong className="chain-step"><span className={`dot type-${court.type}`} />{court.name}</strong>
                </div>
                {site && <div className="muted small">{site.label} — {site.address}, {site.postalCode} {site.city}</div>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
