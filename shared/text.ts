/**
 * Every sentence a person reads comes in both of the app's languages, Vietnamese first.
 * Domain code returns these; the UI / CLI picks the language.
 */
export interface Bilingual {
  vi: string;
  en: string;
  /**
   * Optional technical detail of this one occurrence (HTTP status, status_code, the server's own words), kept out
   * of the sentences so that alike failures read alike and group together; shown after the sentence where there is
   * room for it (reports, a row's tooltip). Language-neutral: it is quoted, not translated. Never holds the token.
   */
  detail?: string;
}

/** Where in the user's file something happened; every part optional. Rows and columns are 1-based as Excel shows them. */
export interface Place {
  file?: string;
  sheet?: string;
  row?: number;
  /** Column header as the user sees it (or the letter when there is none). */
  column?: string;
}

/** An error meant for a person: a stable code, a sentence in each language, and where. */
export class UserError extends Error {
  readonly code: string;
  readonly text: Bilingual;
  readonly place?: Place;
  constructor(code: string, text: Bilingual, place?: Place) {
    super(text.en);
    this.name = 'UserError';
    this.code = code;
    this.text = text;
    this.place = place;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
