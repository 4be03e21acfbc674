import type { Bilingual } from '../text';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for an address on this machine (localhost, 127.x.x.x, ::1), where plain HTTP cannot be overheard. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(h) || /^127(\.\d{1,3}){3}$/.test(h) || h.endsWith('.localhost');
}

/**
 * Checks an OMI base URL before any token is sent to it. Returns null when it is usable, else a sentence in both
 * languages saying what is wrong and what to do: the token would travel in clear over plain HTTP, so HTTPS is
 * required for every address that is not this machine.
 */
export function checkBaseUrl(url: string): Bilingual | null {
  const raw = url.trim();
  if (raw === '') {
    return { vi: 'Chưa nhập địa chỉ API OMI. Hãy dán địa chỉ, ví dụ https://crm.congty.vn.', en: 'The OMI API address is empty. Paste it, e.g. https://crm.company.vn.' };
  }
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return {
      vi: `"${raw}" không phải là một địa chỉ web hợp lệ. Hãy nhập đầy đủ, bắt đầu bằng https://, ví dụ https://crm.congty.vn.`,
      en: `"${raw}" is not a valid web address. Enter it in full, starting with https://, e.g. https://crm.company.vn.`,
    };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return { vi: `Địa chỉ API phải bắt đầu bằng https:// (đang là ${u.protocol}).`, en: `The API address must start with https:// (it starts with ${u.protocol}).` };
  }
  if (u.username || u.password) {
    return {
      vi: 'Địa chỉ API không được chứa tên đăng nhập hay mật khẩu. Hãy bỏ phần "tên:mật-khẩu@" và nhập token vào ô Token.',
      en: 'The API address must not contain a user name or password. Remove the "user:password@" part and put the token in the Token box.',
    };
  }
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) {
    return {
      vi: `Địa chỉ ${u.host} dùng http:// nên token sẽ bị gửi đi không mã hoá. Hãy dùng https://${u.host}${u.pathname === '/' ? '' : u.pathname}.`,
      en: `${u.host} uses http://, so the token would be sent unencrypted. Use https://${u.host}${u.pathname === '/' ? '' : u.pathname} instead.`,
    };
  }
  return null;
}
