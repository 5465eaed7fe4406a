import type { ReactNode } from 'react';
import { GraphQLRequestError } from '../api/graphql';
import { MESSAGES, errorCodeLabel } from '../i18n/fr';

export const Loading = ({ label = MESSAGES.loading }: { label?: string }) => (
  <div className="muted loading" role="status">
    {label}
  </div>
);

/** An error in French: the GraphQL code's label shown, the server's own (English) message kept in the tooltip. */
export function frenchError(error: Error | string): { text: string; detail?: string } {
  if (typeof error === 'string') return { text: error };
  if (error instanceof GraphQLRequestError) {
    const code = error.errors[0]?.extensions?.code;
    return { text: errorCodeLabel(typeof code === 'string' ? code : undefined) ?? MESSAGES.serverError, detail: error.message };
  }
  if (error instanceof TypeError) return { text: MESSAGES.network, detail: error.message };
  return { text: MESSAGES.serverError, detail: error.message };
}

export const ErrorBox = ({ error }: { error: Error | string }) => {
  const { text, detail } = frenchError(error);
  return (
    <div className="notice notice-error" role="alert" title={detail}>
      {text}
    </div>
  );
};

export const Panel = ({ title, children, aside, id }: { title: string; children: ReactNode; aside?: ReactNode; id?: string }) => (
  <section className="panel" aria-labelledby={id ? `${id}-title` : undefined} id={id}>
    <header className="panel-head">
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {aside}
    </header>
    {children}
  </section>
);
