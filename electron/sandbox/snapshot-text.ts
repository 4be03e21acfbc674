/**
 * The data file's bytes, built in pieces of 1,000 contacts that are kept between writes. Contacts only ever get
 * appended (creation order) or updated in place, so from one write to the next most pieces are unchanged: a write
 * re-serialises only the pieces holding a contact created or updated since, and the time a write takes on the
 * event loop follows the change, not the store's size (a whole-store JSON.stringify of 60,000 contacts blocks the
 * server for about a second on a busy machine).
 */
import type { StoredContact, StoreState } from './store';

/** Contacts per piece: small enough that rebuilding the growing last piece is cheap, big enough to be few. */
const PIECE = 1000;

interface Piece {
  /** Exactly the contacts it was built from, and their updatedDate then (update() always moves it forward). */
  contacts: StoredContact[];
  dates: number[];
  bytes: Uint8Array;
}

/** Serialises a StoreState to UTF-8 pieces, reusing every piece whose contacts are the same and unchanged. */
export class SnapshotText {
  private built: Piece[] = [];
  private head: { layout: unknown[]; funnels: unknown[]; bytes: Uint8Array } | undefined;

  /**
   * The state as JSON: pieces whose concatenation is the same document as `JSON.stringify(state)` (same keys, same
   * values). Built synchronously, so it is one consistent moment of the store even if the writing is not.
   */
  pieces(state: StoreState): Uint8Array[] {
    if (this.head?.layout !== state.layout || this.head.funnels !== state.funnels) {
      const text = `{"version":1,"layout":${JSON.stringify(state.layout)},"funnels":${JSON.stringify(state.funnels)},"contacts":[`;
      this.head = { layout: state.layout, funnels: state.funnels, bytes: Buffer.from(text, 'utf8') };
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
    out.push(Buffer.from(`],"nextSeq":${state.nextSeq}}`, 'utf8'));
    return out;
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
  const text = contacts.map((c) => JSON.stringify(c)).join(',');
  return { contacts, dates: contacts.map((c) => c.updatedDate), bytes: Buffer.from(start > 0 ? `,${text}` : text, 'utf8') };
}
