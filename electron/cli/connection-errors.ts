/**
 * OMI failures met while connecting (reading the account's layout and funnels before anything is sent) turned
 * into one sentence and exit 3: a refused token and an unreachable server are told apart.
 */
import { isOmiError } from '../../shared/omi/errors';
import { CliError, connectionError } from './cli-error';

/** Translates whatever the first calls threw; anything that is not an OMI failure is returned unchanged. */
export function connectionFailure(e: unknown, where: string): unknown {
  if (e instanceof CliError || !isOmiError(e)) return e;
  switch (e.kind) {
    case 'credentials':
      return connectionError('connection.token-refused',
        `${where} từ chối token (HTTP ${e.httpStatus ?? '401'}). Token sai hoặc đã hết hạn: lấy token mới trong OMI và đặt lại biến môi trường.`,
        `${where} refused the token (HTTP ${e.httpStatus ?? '401'}). It is wrong or expired: get a new token in OMI and set the environment variable again.`);
    case 'aborted':
      return e;
    default:
      return connectionError('connection.unreachable',
        `Không kết nối được tới ${where}: ${e.text.vi}. Kiểm tra địa chỉ --base-url và mạng rồi chạy lại.`,
        `Could not reach ${where}: ${e.text.en}. Check the --base-url address and the network, then run again.`);
  }
}
