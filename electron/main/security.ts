/**
 * Security rules of the window, as pure functions of their inputs so they are tested without Electron.
 * They take `unknown` because they guard what arrives from outside (a renderer, a link, a navigation).
 */

/** Content-Security-Policy of the app's pages: only our own code, no remote content, no eval. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Only http(s) links may be handed to the operating system (never file:, javascript:, custom schemes). */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Whether a URL belongs to the app itself (the page it loaded). Navigation anywhere else is denied.
 * `appUrl` is the URL the window was loaded from (file://…/index.html or the dev server).
 */
export function isAppUrl(url: unknown, appUrl: string): boolean {
  if (typeof url !== 'string') return false;
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}

/**
 * IPC messages are answered only for the app's own window and its top frame:
 * a message from any other webContents or from a sub-frame is dropped.
 */
export function isTrustedSender(
  sender: { id: number } | null | undefined,
  frameUrl: unknown,
  appWindow: { webContentsId: number; appUrl: string } | null,
): boolean {
  if (!sender || !appWindow) return false;
  if (sender.id !== appWindow.webContentsId) return false;
  return isAppUrl(frameUrl, appWindow.appUrl);
}
