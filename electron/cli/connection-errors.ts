/**
 * OMI failures met while connecting (reading the account's layout and funnels before anything is sent) turned
 * into one sentence and exit 3: a refused token, a server that does not answer, and an address that answers
 * but is not the OMI API are told apart.
 */
import { isOmiError } from '../../shared/omi/errors';
import { CliError, connectionError } from './cli-error';

/** Translates whatever the first calls threw; anything that is not an OMI failure is returned unchanged. */
export function connectionFailure(e: unknown, where: string): unknown {
  if (e instanceof CliError || !isOmiError(e)) return e;
  const http = e.httpStatus;
  switch (e.kind) {
    case 'credentials':
      return connectionError('connection.token-refused',
        `${where} từ chối token (HTTP ${http ?? 401}). Token sai hoặc đã hết hạn: lấy token mới trong OMI và đặt lại biến môi trường.`,
        `${where} refused the token (HTTP ${http ?? 401}). It is wrong or expired: get a new token in OMI and set the environment variable again.`);
    case 'aborted':
      return e;
    case 'rejected':
      return connectionError('connection.not-omi',
        `${where} có trả lời nhưng không phải như API OMI (HTTP ${http ?? '?'}${e.statusCode !== undefined ? `, mã ${e.statusCode}` : ''}). Kiểm tra lại địa chỉ --base-url.`,
        `${where} answered, but not as the OMI API does (HTTP ${http ?? '?'}${e.statusCode !== undefined ? `, code ${e.statusCode}` : ''}). Check the --base-url address.`);
    case 'timeout':
      return connectionError('connection.timeout',
        `${where} không trả lời kịp (hết thời gian chờ). Kiểm tra mạng rồi chạy lại.`,
        `${where} did not answer in time. Check the network and run again.`);
    default:
      return connectionError('connection.unreachable',
        `Không kết nối được tới ${where}${http ? ` (HTTP ${http})` : ''}. Kiểm tra địa chỉ --base-url và mạng rồi chạy lại.`,
        `Could not reach ${where}${http ? ` (HTTP ${http})` : ''}. Check the --base-url address and the network, then run again.`);
  }
}

/** Calls `read` up to 3 times when the failure may pass (network, 5xx, timeout, 429); other failures at once. */
export async function withConnectRetries<T>(read: () => Promise<T>, wait: (ms: number) => Promise<void>): Promise<T> {
  const delays = [500, 1500];
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (e) {
      const passing = isOmiError(e) && (e.kind === 'retryable' || e.kind === 'timeout' || e.kind === 'rate-limited');
      if (!passing || attempt >= delays.length) throw e;
      await wait(isOmiError(e) && e.retryAfterMs !== undefined ? Math.min(e.retryAfterMs, 10_000) : delays[attempt]);
    }
  }
}
