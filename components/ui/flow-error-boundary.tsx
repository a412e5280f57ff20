'use client';

import { Component, createRef, Fragment, type ReactNode } from 'react';

type Props = {
  /** What failed, for the message: "The walkthrough", "The Mastodon flow". */
  what: string;
  /**
   * Forgets what the failed run left behind (its stored snapshot, its plan). When it sets up the new
   * run asynchronously, it returns a promise: the flow mounts again once that run is there.
   */
  onRestart(): void | Promise<void>;
  /** Shown above the message: the page's heading, when the flow itself renders it. */
  heading?: ReactNode;
  children: ReactNode;
};

/**
 * Catches what a flow throws while rendering (a run stored by an older version of the page, an answer
 * no step foresaw) and says so, with a Restart that forgets the run and mounts the flow afresh, instead
 * of Next's "This page couldn't load", which loses the whole page. The button takes the focus, so a
 * keyboard user is where the way out is.
 */
export class FlowErrorBoundary extends Component<Props, { error?: Error; generation: number }> {
  state: { error?: Error; generation: number } = { generation: 0 };
  private restartButton = createRef<HTMLButtonElement>();

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  // The error may come on the flow's first render (a stored run restored on load) or later.
  componentDidMount() {
    if (this.state.error) this.restartButton.current?.focus();
  }

  componentDidUpdate(_props: Props, previous: { error?: Error }) {
    if (this.state.error && !previous.error) this.restartButton.current?.focus();
  }

  private restart = () => {
    void Promise.resolve(this.props.onRestart()).then(() =>
      this.setState(({ generation }) => ({ error: undefined, generation: generation + 1 })),
    );
  };

  render() {
    const { error, generation } = this.state;
    if (!error)
      // A new key on Restart: the flow mounts afresh, with no state left from the failed run.
      return <Fragment key={generation}>{this.props.children}</Fragment>;
    return (
      <>
        {this.props.heading}
        <div role="alert" className="rounded-lg border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-950">
          <p className="font-semibold">{this.props.what} stopped on an unexpected error.</p>
          <p className="mt-1 text-sm">
            <code className="break-all">{error.message || error.name}</code>
          </p>
          <p className="mt-1 text-sm">
            Restart forgets this run and starts a fresh one; nothing else is lost.
          </p>
          <button
            ref={this.restartButton}
            type="button"
            onClick={this.restart}
            className="mt-3 rounded-lg bg-white px-4 py-2 font-semibold text-slate-900 ring-1 ring-slate-400 hover:bg-slate-50"
          >
            Restart
          </button>
        </div>
      </>
    );
  }
}
