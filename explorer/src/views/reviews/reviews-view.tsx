import { useCallback, useEffect, useState } from 'react';
import { TokenInput, useAuthorization } from '../../api/authorization';
import { useMissingFields } from '../../api/supergraph-context';
import { Unavailable } from '../../components/unavailable';
import { label } from '../../i18n/fr';
import { usePageTitle } from '../../router';
import {
  REVIEWS_QUERY_FIELDS,
  APPROVE,
  COMMENT,
  DIFF_UNDER_REVIEW,
  LATEST_RELEASE,
  PENDING_REVIEWS,
  REJECT,
  REVIEW_COMMENTS,
  reviewGraphql,
  type DiffUnderReview,
  type LatestRelease,
  type PendingReview,
  type PendingReviews,
  type ReviewComment,
  type ReviewComments,
} from './operations';

/**
 * "Relectures": the drafts submitted for review in the steward's referentials, the diff each one would publish
 * (against the latest published release), its comments and steps, and approve / reject / comment. Approval by the
 * submitter, or of a draft changed since its submission, is refused by the API and shown as such.
 */
export function ReviewsView() {
  const missing = useMissingFields(REVIEWS_QUERY_FIELDS);
  usePageTitle('Revues');
  if (missing?.length) return <Unavailable subgraph="referentials" missing={missing} />;
  return <PendingReviewsList />;
}

function PendingReviewsList() {
  const [authorization, setAuthorization] = useAuthorization();
  const [reviews, setReviews] = useState<PendingReview[] | null>(null);
  const [selected, setSelected] = useState<PendingReview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const { pendingReviews } = await reviewGraphql<PendingReviews>(authorization, PENDING_REVIEWS);
      setReviews(pendingReviews);
      setSelected((current) => pendingReviews.find((r) => r.referentialCode === current?.referentialCode && r.number === current?.number) ?? null);
    } catch (e) {
      setReviews(null);
      setError((e as Error).message);
    }
  }, [authorization]);

  useEffect(() => {
    if (authorization) void load();
  }, [authorization, load]);

  return (
    <section className="reviews-view">
      <h2>Revues en attente</h2>
      <TokenInput token={authorization} onChange={setAuthorization} label="Jeton d'intendant (Authorization)" />
      {!authorization && (
        <p className="muted" data-testid="reviews-need-token">
          Saisissez un jeton d'intendant pour voir les versions soumises à relecture.
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {reviews && reviews.length === 0 && <p>Aucune version soumise à relecture dans vos référentiels.</p>}
      <div className="reviews-layout">
        <ul className="reviews-list">
          {reviews?.map((review) => (
            <li key={`${review.referentialCode}-${review.number}`}>
              <button type="button" aria-pressed={selected === review ? 'true' : 'false'} onClick={() => setSelected(review)}>
                {review.referentialCode} · version {review.number} · soumise par {review.submittedBy}
                {review.effectiveOn && ` · effet le ${review.effectiveOn}`}
                {review.reviewStale && ' · modifiée depuis la soumission'}
              </button>
            </li>
          ))}
        </ul>
        {selected && (
          <ReviewDetails
            key={`${selected.referentialCode}-${selected.number}-${selected.version}`}
            authorization={authorization}
            review={selected}
            onChanged={load}
          />
        )}
      </div>
    </section>
  );
}

function ReviewDetails({ authorization, review, onChanged }: { authorization: string; review: PendingReview; onChanged: () => Promise<void> }) {
  const [diff, setDiff] = useState<DiffUnderReview['releaseDiff'] | null>(null);
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [steps, setSteps] = useState(0);
  const [text, setText] = useState('');
  const [entryCode, setEntryCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const latest =
        (await reviewGraphql<LatestRelease>(authorization, LATEST_RELEASE, { referential: review.referentialCode })).referential?.latestRelease?.number ?? 0;
      const { releaseDiff } = await reviewGraphql<DiffUnderReview>(authorization, DIFF_UNDER_REVIEW, {
        referential: review.referentialCode,
        from: latest,
        to: review.number,
      });
      if (live) setDiff(releaseDiff);
      const { referential } = await reviewGraphql<ReviewComments>(authorization, REVIEW_COMMENTS, { referential: review.referentialCode });
      if (live) setComments(referential?.draft?.comments ?? []);
    })().catch((e: Error) => live && setMessage(e.message));
    return () => {
      live = false;
    };
  }, [authorization, review.referentialCode, review.number, steps]);

  const act = (query: string, variables: Record<string, unknown>, done: string) => async () => {
    setMessage(null);
    try {
      await reviewGraphql(authorization, query, { referential: review.referentialCode, ...variables });
      setMessage(done);
      setText('');
      setSteps((n) => n + 1);
      await onChanged();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  return (
    <article className="review-details">
      <h3>
        {review.referentialCode} · version {review.number} (brouillon v{review.version}, soumis en v{review.submittedVersion})
      </h3>
      {review.notes && <p>{review.notes}</p>}
      {diff ? (
        <table className="review-diff">
          <thead>
            <tr>
              <th>Code</th>
              <th>Changement</th>
              <th>Détail</th>
            </tr>
          </thead>
          <tbody>
            {diff.added.map((e) => (
              <tr key={`a-${e.code}`} className="added">
                <td>{e.code}</td>
                <td>ajouté</td>
                <td>{e.label}</td>
              </tr>
            ))}
            {diff.removed.map((e) => (
              <tr key={`r-${e.code}`} className="removed">
                <td>{e.code}</td>
                <td>retiré</td>
                <td>{e.label}</td>
              </tr>
            ))}
            {diff.changed.map((e) => (
              <tr key={`c-${e.code}`} className="changed">
                <td>{e.code}</td>
                <td>modifié</td>
                <td>
                  {e.changes.map((c) => (
                    <div key={c.field}>
                      {c.field} : {c.before ?? '∅'} → {c.after ?? '∅'}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Chargement du différentiel…</p>
      )}
      <h4>Commentaires et étapes</h4>
      <ol className="review-comments">
        {comments.map((c, i) => (
          <li key={i}>
            <strong title={c.kind}>{label('ReviewStep', c.kind)}</strong> · {c.author}
            {c.entryCode && ` · entrée ${c.entryCode}`} · {new Date(c.createdAt).toLocaleString('fr-FR')}
            {c.body && ` : ${c.body}`}
          </li>
        ))}
      </ol>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Commentaire, ou motif du rejet"
        aria-label="Commentaire, ou motif du rejet"
      />
      <input
        value={entryCode}
        onChange={(e) => setEntryCode(e.target.value)}
        placeholder="Code de l'entrée commentée (facultatif)"
        aria-label="Code de l'entrée commentée (facultatif)"
      />
      <div className="review-actions">
        <button type="button" disabled={!text.trim()} onClick={act(COMMENT, { body: text, entryCode: entryCode || null }, 'Commentaire ajouté.')}>
          Commenter
        </button>
        <button type="button" onClick={act(APPROVE, { version: review.version, note: text || null }, 'Version approuvée.')}>
          Approuver
        </button>
        <button type="button" disabled={!text.trim()} onClick={act(REJECT, { reason: text }, 'Version renvoyée en brouillon.')}>
          Rejeter
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </article>
  );
}
