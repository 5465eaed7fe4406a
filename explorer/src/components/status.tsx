import type { ReactNode } from 'react';

export const Loading = ({ label = 'Chargement…' }: { label?: string }) => <div className="muted loading" role="status">{label}</div>;

export const ErrorBox = ({ error }: { error: Error | string }) => (
  <div className="notice notice-error" role="alert">{typeof error === 'string' ? error : error.message}</div>
);

export const Panel = ({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) => (
  <section className="panel">
    <header className="panel-head"><h2>{title}</h2>{aside}</header>
    {children}
  </section>
);
