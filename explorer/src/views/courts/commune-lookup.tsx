import { useEffect, useMemo, useState } from 'react';
import { useDebounced, useQuery } from '../../api/use-query';
import { Combobox, type ComboOption } from '../../components/combobox';
import { ErrorBox, Loading } from '../../components/status';
import { link, navigate } from '../../router';
import { describeCommune, isInseeCode, suggestCommunes } from './communes';
import { CourtChain } from './court-chain';
import { COMPETENT_COURTS, COURT_SEARCH, TYPE_LABEL, type CompetentCourts, type CourtSearch } from './operations';

const EXAMPLES = [
  ['01001', "L'Abergement-Clémenciat"],
  ['75056', 'Paris'],
  ['67482', 'Strasbourg'],
  ['2A004', 'Ajaccio'],
];

/** Commune (INSEE code or name, with suggestions) → the competent court of each kind, under the courts above it. */
export function CommuneLookup({ insee }: { insee: string }) {
  const [input, setInput] = useState(insee);
  const [feedback, setFeedback] = useState<string>();
  // Back and forward change the commune shown: the field follows.
  useEffect(() => setInput(insee), [insee]);
  const typed = useDebounced(input.trim(), 200);
  // Names the commune list lacks may still be a court's seat: courts whose name has the words are suggested too.
  const courts = useQuery<CourtSearch>(COURT_SEARCH, { search: typed }, typed.length < 3 || isInseeCode(typed));
  const options = useMemo<ComboOption[]>(
    () => [
      ...suggestCommunes(input).map(([code, name]) => ({ id: `commune:${code}`, label: name, hint: `commune · ${code}` })),
      ...(courts.data?.courts.edges ?? []).map(({ node }) => ({ id: `court:${node.code}`, label: node.name, hint: `juridiction · ${TYPE_LABEL[node.type]}` })),
    ],
    [input, courts.data],
  );
  const { data, error, loading } = useQuery<CompetentCourts>(COMPETENT_COURTS, { insee }, !insee);
  const show = (code: string) => {
    setFeedback(undefined);
    setInput(code);
    navigate(`courts?insee=${encodeURIComponent(code)}`);
  };
  const pick = (option: ComboOption) => {
    const [kind, code] = option.id.split(':');
    if (kind === 'court') return navigate(`courts/${encodeURIComponent(code)}`);
    show(code);
  };
  const submit = (text: string) => {
    const trimmed = text.trim();
    if (!trimmed) return setFeedback("Saisissez le code INSEE d'une commune (ex. 2A004) ou son nom (ex. Ajaccio).");
    if (isInseeCode(trimmed)) return show(trimmed.toUpperCase());
    const [first] = suggestCommunes(trimmed, 1);
    if (first) return show(first[0]);
    setFeedback(
      `« ${trimmed} » n'est ni un code INSEE (5 caractères, ex. 01001 ou 2A004) ni une commune connue de l'explorateur : choisissez une suggestion ou saisissez le code INSEE.`,
    );
  };
  const commune = describeCommune(insee);
  return (
    <div data-testid="commune-lookup">
      <Combobox
        label="Commune : code INSEE ou nom"
        value={input}
        onChange={(v) => {
          setInput(v);
          setFeedback(undefined);
        }}
        options={options}
        onPick={pick}
        onSubmit={submit}
        placeholder="Code INSEE ou nom, ex. Ajaccio"
        testId="insee-input"
      />
      {feedback && (
        <p className="notice notice-warning small" role="status" data-testid="commune-feedback">
          {feedback}
        </p>
      )}
      <div className="examples-inline small">
        Exemples :{' '}
        {EXAMPLES.map(([code, name]) => (
          <a
            key={code}
            className="example-link"
            {...link(`courts?insee=${code}`)}
            onClick={(e) => {
              e.preventDefault();
              show(code);
            }}
          >
            {name}
          </a>
        ))}
      </div>
      {error && <ErrorBox error={error} />}
      {loading && <Loading />}
      {data && !loading && (
        <section aria-labelledby="commune-title" data-testid="commune-result">
          <h3 id="commune-title" className="commune-title" data-testid="commune-name">
            {commune.name ?? `Commune ${insee}`}{' '}
            <span className="muted small">
              INSEE {insee}
              {commune.department ? ` · ${commune.department} (${commune.departmentCode})` : ''}
            </span>
          </h3>
          {data.competentCourts.length === 0 && (
            <p className="muted" role="status">
              Aucune juridiction compétente connue pour le code INSEE {insee} : vérifiez le code.
            </p>
          )}
          <ul className="competent" data-testid="competent-courts">
            {data.competentCourts.map(({ type, court }) => {
              const site = court.sites.find((s) => s.main) ?? court.sites[0];
              return (
                <li key={type} className="competent-item">
                  <div className="competent-kind" title={type}>
                    {TYPE_LABEL[type]}
                  </div>
                  <CourtChain ancestors={court.ancestors} court={court} />
                  {site && (
                    // The directory names a court's seat after the court: its label is shown only when it says more.
                    <div className="muted small">
                      {[site.label !== court.name && site.label, site.address, [site.postalCode, site.city].filter(Boolean).join(' ')]
                        .filter(Boolean)
                        .join(', ')}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
