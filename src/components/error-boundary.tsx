import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What to show instead of the crashed tree; `reset` renders the children again. */
  fallback: (error: unknown, reset: () => void) => ReactNode;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  hasError: boolean;
}

/**
 * The last line of defence: a render error anywhere above the router (or in the router itself) shows a readable
 * page instead of a blank one. Route errors are caught closer, by the router's own error boundaries.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { error: undefined, hasError: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, hasError: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    // Keep the component stack where a developer will look for it; the page itself stays readable.
    console.error('Invites Console crashed', error, info.componentStack);
  }

  reset = () => this.setState({ error: undefined, hasError: false });

  render() {
    return this.state.hasError ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}
