/**
 * One real sandbox process for a whole test file, emptied (contacts, faults, counters) before each test: what the
 * upload tests all need, said once.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type SandboxHandle, type StartSandboxOptions } from './sandbox';

/**
 * Starts a sandbox before the file's tests, resets it before each and stops it after the last. The handle it
 * returns stands for that sandbox once beforeAll has run (reading it earlier is a mistake in the test and throws).
 */
export function sandboxPerFile(opts: StartSandboxOptions = {}): SandboxHandle {
  let started: SandboxHandle | undefined;
  const live = (): SandboxHandle => {
    if (!started) throw new Error('The sandbox starts in beforeAll: use it inside a test or a hook.');
    return started;
  };
  beforeAll(async () => {
    started = await startSandbox(opts);
  });
  afterAll(async () => {
    await started?.stop();
  });
  beforeEach(async () => {
    await live().reset();
  });
  return new Proxy({} as SandboxHandle, {
    get: (_, key) => {
      const handle = live();
      const value: unknown = Reflect.get(handle, key);
      return typeof value === 'function' ? value.bind(handle) : value;
    },
  });
}
