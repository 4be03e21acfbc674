import { requestSchemas, type RequestChannel } from '../../shared/ipc/contract';
import type { Bilingual } from '../../shared/text';
import type { Handlers } from './handlers/types';

/** What a request that cannot be served answers: a sentence, never a stack trace. */
export class IpcRequestError extends Error {
  constructor(readonly code: string, readonly text: Bilingual) {
    super(text.en);
  }
}

export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && Object.hasOwn(requestSchemas, channel);
}

/**
 * Validates a request from the renderer against the contract's schema and calls its handler.
 * Used by the Electron IPC wiring and by the browser harness, so both enforce the same rules.
 */
export async function dispatchRequest(handlers: Handlers, channel: unknown, rawArgs: unknown): Promise<unknown> {
  if (!isRequestChannel(channel)) {
    throw new IpcRequestError('ipc.unknown-channel', {
      vi: 'Ứng dụng nhận một yêu cầu không hợp lệ và đã bỏ qua nó.',
      en: 'The app received an unknown request and ignored it.',
    });
  }
  const parsed = requestSchemas[channel].safeParse(rawArgs);
  if (!parsed.success) {
    throw new IpcRequestError('ipc.invalid-arguments', {
      vi: `Yêu cầu "${channel}" có dữ liệu không hợp lệ nên không được thực hiện.`,
      en: `The request "${channel}" carried invalid data and was not carried out.`,
    });
  }
  const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
  return handler(parsed.data);
}
