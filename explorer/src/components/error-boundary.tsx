import { Component, type ReactNode } from 'react';
import { MESSAGES } from '../i18n/fr';
import { ErrorBox } from './status';

/** A view that throws shows its error in place; the header and the other views keep working. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <ErrorBox error={`${MESSAGES.viewError} : ${this.state.error.message}`} /> : this.props.children;
  }
}
