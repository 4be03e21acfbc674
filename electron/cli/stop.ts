/**
 * Ctrl+C (SIGINT) and SIGTERM (Task Scheduler's "End", `kill`): the first asks the running step to stop cleanly
 * (the engine is cancelled, the journal closed); a second one, or one before anything was sent, ends at once —
 * the journal is append-only and flushed, so even that loses nothing.
 */

/** What happens on a stop request: the current handler, if any, else an immediate exit. */
export class StopControl {
  private handler: (() => void) | null = null;
  private requested = false;
  private readonly listeners: Array<[NodeJS.Signals, () => void]> = [];

  constructor(private readonly exitNow: (signal: NodeJS.Signals) => void) {}

  /** Listens to SIGINT and SIGTERM. */
  install(): void {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      const fn = () => this.request(sig);
      process.on(sig, fn);
      this.listeners.push([sig, fn]);
    }
  }

  /** Stops listening. */
  uninstall(): void {
    for (const [sig, fn] of this.listeners.splice(0)) process.off(sig, fn);
  }

  /** Sets what a stop request does while a step that can stop cleanly is running; returns the undo. */
  onStop(handler: () => void): () => void {
    this.handler = handler;
    return () => {
      if (this.handler === handler) this.handler = null;
    };
  }

  /** True once a stop was asked for. */
  get stopRequested(): boolean {
    return this.requested;
  }

  /** Called for each signal. */
  request(signal: NodeJS.Signals): void {
    if (this.requested || !this.handler) {
      this.exitNow(signal);
      return;
    }
    this.requested = true;
    this.handler();
  }
}
