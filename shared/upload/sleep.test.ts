import { expect, it } from 'vitest';
import { abortableSleep } from './sleep';

it('ends early, resolving, when the signal aborts', async () => {
  const ac = new AbortController();
  const p = abortableSleep(60_000, ac.signal);
  ac.abort();
  await expect(p).resolves.toBeUndefined();
  await expect(abortableSleep(60_000, ac.signal)).resolves.toBeUndefined();
  await expect(abortableSleep(1)).resolves.toBeUndefined();
});
