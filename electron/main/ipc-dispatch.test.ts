import { describe, expect, it } from 'vitest';
import { dispatchRequest, IpcRequestError } from './ipc-dispatch';
import type { Handlers } from './handlers/types';

// Handlers that record what reached them: the dispatcher must only ever pass validated arguments.
function recordingHandlers() {
  const calls: { channel: string; args: unknown }[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, channel: string) => async (args: unknown) => {
      calls.push({ channel, args });
      return { ok: true, value: true };
    },
  });
  return { calls, handlers };
}

describe('dispatchRequest', () => {
  it('passes a valid request to its handler', async () => {
    const { calls, handlers } = recordingHandlers();
    await dispatchRequest(handlers, 'templates:delete', { name: 'Sự kiện hàng tuần' });
    expect(calls).toEqual([{ channel: 'templates:delete', args: { name: 'Sự kiện hàng tuần' } }]);
  });

  it.each([
    ['an unknown channel', 'fs:read', { path: '/etc/passwd' }, 'ipc.unknown-channel'],
    ['a prototype key as channel', '__proto__', {}, 'ipc.unknown-channel'],
    ['a non-string channel', 42, {}, 'ipc.unknown-channel'],
    ['missing arguments', 'templates:delete', undefined, 'ipc.invalid-arguments'],
    ['wrong types', 'templates:delete', { name: 5 }, 'ipc.invalid-arguments'],
    ['a non-http external URL', 'shell:open-external', { url: 'file:///C:/x.exe' }, 'ipc.invalid-arguments'],
    ['a bad base URL', 'connection:set', { mode: 'account', baseUrl: 'not a url' }, 'ipc.invalid-arguments'],
    ['an oversized token', 'credentials:renew', { token: 'x'.repeat(5000) }, 'ipc.invalid-arguments'],
  ])('refuses %s before any handler runs', async (_what, channel, args, code) => {
    const { calls, handlers } = recordingHandlers();
    const error = await dispatchRequest(handlers, channel, args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcRequestError);
    expect((error as IpcRequestError).code).toBe(code);
    expect((error as IpcRequestError).text.vi.length).toBeGreaterThan(10);
    expect(calls).toEqual([]);
  });
});
