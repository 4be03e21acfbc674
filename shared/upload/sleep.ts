/**
 * The default `sleep` for EngineDeps: a timer that ends early (resolving, not rejecting) when the signal aborts,
 * so a cancelled import wakes at once. Uses only setTimeout, which every runtime of shared/ has.
 */

/** Waits `ms`, or less when `signal` aborts. Never rejects. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, Math.max(0, ms));
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
