/**
 * The data file's bytes, built in pieces of 250 contacts that are kept between writes. Contacts only ever get
 * appended (creation order) or updated in place, so from one write to the next most pieces are unchanged: a write
 * re-serialises only the pieces holding a contact created or updated since, and the time a write takes on the
 * event loop follows the change, not the store's size (a whole-store JSON.stringify of 60,000 contacts blocks the
 * server for about a second on a busy machine).
 *
 * The file is plain JSON with one contact per line. JSON.stringify never writes a raw newline, so in a file this
 * writer wrote a newline is only ever the separator: when the sandbox starts on such a file, the pieces are taken
 * from the file's own bytes (adopt) instead of being serialised again.
 */
import type { StoredContact, StoreState } from './store';

/** Contacts per piece: small enough that rebuilding the growing last piece at each write is cheap, big enough to be few. */
export const CONTACTS_PER_PIECE = 250;
const PIECE = CONTACTS_PER_PIECE;
const NEWLINE = 0x0a;

interface Piece {
  /** Exactly the contacts it was built from, and their updatedDate then (update() always moves it forward). */
  contacts: StoredContact[];
  dates: number[];
  bytes: Uint8Array;
}

function headText(state: Pick<StoreState, 'layout' | 'funnels'>): string {
  return `{"version":1,"layout":${JSON.stringify(state.layout)},"funnels":${JSON.stringify(state.funnels)},"contacts":[\n`;
}

/** Serialises a StoreState to UTF-8 pieces, reusing every piece whose contacts are the same and unchanged. */
export class SnapshotText {
  private built: Piece[] = [];
  private head: { layout: unknown[]; funnels: unknown[]; bytes: Uint8Array } | undefined;

  /**
   * The state as JSON (one contact per line), in pieces to be written one after another. Built synchronously, so
   * it is one consistent moment of the store even if the writing is not.
   */
  pieces(state: StoreState): Uint8Array[] {
    if (this.head?.layout !== state.layout || this.head.funnels !== state.funnels) {
      this.head = { layout: state.layout, funnels: state.funnels, bytes: Buffer.from(headText(state), 'utf8') };
    }
    const list = state.contacts;
    const count = Math.ceil(list.length / PIECE);
    this.built.length = Math.min(this.built.length, count);
    const out = [this.head.bytes];
    for (let p = 0; p < count; p++) {
      const start = p * PIECE;
      const end = Math.min(list.length, start + PIECE);
      let piece = this.built[p];
      if (!piece || !unchanged(piece, list, start, end)) {
        piece = build(list, start, end);
        this.built[p] = piece;
      }
      out.push(piece.bytes);
    }
    out.push(Buffer.from(`\n],"nextSeq":${state.nextSeq}}\n`, 'utf8'));
    return out;
  }

  /**
   * Takes the pieces from the bytes of the data file `state` was just read from, when this writer wrote it (its
   * first line is exactly this writer's head for that layout and funnels, and it has one line per contact);
   * otherwise does nothing and the first write serialises everything. Call before the store reorders anything.
   */
  adopt(state: StoreState, file: Uint8Array): void {
    const head = Buffer.from(headText(state), 'utf8');
    if (file.length < head.length || Buffer.compare(file.subarray(0, head.length), head) !== 0) return;
    const list = state.contacts;
    // Where each contact's line ends (the newline after it), found with the native byte search.
    const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    const ends: number[] = [];
    let at = head.length;
    for (let i = 0; i < list.length; i++) {
      const nl = bytes.indexOf(NEWLINE, at);
      if (nl < 0) return;
      ends.push(nl);
      at = nl + 1;
    }
    // After the last contact comes only the tail: one contact per line, or not this writer's file.
    if (list.length > 0 && bytes[at] !== 0x5d /* ] */) return;
    const built: Piece[] = [];
    for (let start = 0; start < list.length; start += PIECE) {
      const end = Math.min(list.length, start + PIECE);
      // A piece is its contacts' lines with the separators between them: `,\n` before it unless it is the first.
      const from = start === 0 ? head.length : ends[start - 1] - 1;
      const to = end === list.length ? ends[end - 1] : ends[end - 1] - 1;
      const contacts = list.slice(start, end);
      built.push({ contacts, dates: contacts.map((c) => c.updatedDate), bytes: bytes.subarray(from, to) });
    }
    this.built = built;
    this.head = { layout: state.layout, funnels: state.funnels, bytes: head };
  }
}

function unchanged(piece: Piece, list: StoredContact[], start: number, end: number): boolean {
  if (piece.contacts.length !== end - start) return false;
  for (let i = start; i < end; i++) {
    const c = list[i];
    if (piece.contacts[i - start] !== c || piece.dates[i - start] !== c.updatedDate) return false;
  }
  return true;
}

function build(list: StoredContact[], start: number, end: number): Piece {
  const contacts = list.slice(start, end);
  const text = contacts.map((c) => JSON.stringify(c)).join(',\n');
  return { contacts, dates: contacts.map((c) => c.updatedDate), bytes: Buffer.from(start > 0 ? `,\n${text}` : text, 'utf8') };
}
