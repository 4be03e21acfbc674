/**
 * Exponential backoff with "equal jitter": the wait before retry n lies between half and all of
 * min(cap, base · 2^n), so workers that failed together do not come back together, yet each still waits.
 */

/** Milliseconds to wait before retry number `attempt` (0-based). `random` is in [0, 1). */
export function backoffDelay(attempt: number, random: () => number, baseMs = 200, capMs = 15_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
