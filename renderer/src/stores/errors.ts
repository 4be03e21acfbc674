/** Turns anything thrown into a sentence for the user (never a stack trace). */
import type { Bilingual } from '../../../shared/text';

export function toBilingual(e: unknown): Bilingual {
  if (e && typeof e === 'object' && 'text' in e) {
    const text = (e as { text: unknown }).text;
    if (text && typeof text === 'object' && 'vi' in text && 'en' in text) return text as Bilingual;
  }
  const detail = e instanceof Error ? e.message : String(e);
  return {
    vi: `Có lỗi bất ngờ (${detail}). Hãy thử lại; nếu vẫn lỗi, khởi động lại ứng dụng.`,
    en: `Something unexpected went wrong (${detail}). Try again; if it keeps failing, restart the app.`,
  };
}
