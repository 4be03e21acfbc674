import { issue, plain, type Cleaned } from './types';

/** An avatar (image) URL: trimmed; it must be an absolute http(s) URL or the API would refuse it
 * (anything else is left out with a warning). */
export function cleanUrl(cell: string): Cleaned<string | undefined> {
  const text = cell.trim();
  if (text === '') return plain(undefined);
  let ok = false;
  try {
    const u = new URL(text);
    ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    ok = false;
  }
  if (ok) return plain(text);
  const fixed = /^www\./i.test(text) ? `https://${text}` : undefined;
  return {
    value: undefined,
    changes: [],
    issues: [issue('warning', 'url.invalid', {
      vi: `"${text}" không phải địa chỉ web (http:// hoặc https://) của ảnh nên sẽ không được nhập.`,
      en: `"${text}" is not a web address (http:// or https://) of an image, so it will be left out.`,
    }, fixed)],
  };
}
