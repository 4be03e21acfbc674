/**
 * Which OMI the command talks to, and with which token. The token is read from the environment variable
 * named by --token-env, never from the command line, and never printed.
 */
import { settingsFile } from '../main/handlers/settings';
import type { CliOptions } from './args';
import { connectionError, usageError } from './cli-error';

/** Where the rows go. `source` says where the choice came from, for the line printed at the start. */
export type Connection =
  | { kind: 'account'; baseUrl: string; token: string; source: 'options' | 'settings' }
  | { kind: 'sandbox'; source: 'options' | 'settings' };

/**
 * Resolves the connection from the options, then the app's saved connection in `<userData>/settings.json`
 * (a missing file means the app's default: the sandbox). Throws `CliError` (2 for a wrong combination of
 * options, 3 for a missing token).
 */
export async function resolveConnection(
  opts: Pick<CliOptions, 'baseUrl' | 'tokenEnv' | 'sandbox'>,
  env: Record<string, string | undefined>,
  userDataDir: string,
): Promise<Connection> {
  if (opts.sandbox) return { kind: 'sandbox', source: 'options' };
  if (opts.baseUrl !== undefined) {
    if (opts.tokenEnv === undefined) {
      throw usageError('usage.base-url-without-token-env',
        '--base-url cần thêm --token-env TÊN_BIẾN (biến môi trường chứa token OMI).',
        '--base-url needs --token-env VAR too (the environment variable that holds the OMI token).');
    }
    return { kind: 'account', baseUrl: opts.baseUrl, token: readToken(opts.tokenEnv, env), source: 'options' };
  }
  const saved = (await settingsFile(userDataDir).read()).connection;
  if (saved.mode === 'sandbox') {
    if (opts.tokenEnv !== undefined) {
      throw usageError('usage.token-env-without-account',
        'Ứng dụng đang dùng sandbox nên --token-env không có tác dụng: thêm --base-url URL để nhập vào tài khoản OMI.',
        'The app is set to the sandbox, so --token-env has no effect: add --base-url URL to import into an OMI account.');
    }
    return { kind: 'sandbox', source: 'settings' };
  }
  if (opts.tokenEnv === undefined) {
    // The app keeps the token encrypted with the OS keychain (Electron safeStorage), which plain Node cannot open.
    throw connectionError('connection.saved-token-unreadable',
      `Ứng dụng đã lưu kết nối tới ${saved.baseUrl}, nhưng token được mã hoá bằng khoá của hệ điều hành và chỉ ứng dụng đọc được. Hãy đặt token vào một biến môi trường và thêm --token-env TÊN_BIẾN.`,
      `The app's saved connection is ${saved.baseUrl}, but its token is encrypted with the OS keychain and only the app can read it. Put the token in an environment variable and add --token-env VAR.`);
  }
  return { kind: 'account', baseUrl: saved.baseUrl, token: readToken(opts.tokenEnv, env), source: 'settings' };
}

function readToken(name: string, env: Record<string, string | undefined>): string {
  const token = env[name]?.trim();
  if (!token) {
    throw connectionError('connection.token-env-empty',
      `Biến môi trường ${name} chưa có token OMI (trống hoặc chưa đặt). Đặt nó rồi chạy lại.`,
      `The environment variable ${name} holds no OMI token (empty or not set). Set it and run again.`);
  }
  return token;
}

/** One line for stderr saying where the rows go (never the token). */
export function describeConnection(c: Connection): string {
  const from = c.source === 'settings' ? ' (kết nối đã lưu trong ứng dụng / the app\'s saved connection)' : '';
  return c.kind === 'sandbox'
    ? `Kết nối / connection: sandbox cục bộ / embedded sandbox${from}`
    : `Kết nối / connection: ${c.baseUrl}${from}`;
}
