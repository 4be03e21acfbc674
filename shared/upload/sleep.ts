/**
 * Waits `ms`, or less when `signal` aborts (it then resolves early rather than rejecting: the engine checks
 * its own state after every wait). Timers only — works in Node, Electron and browsers.
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
