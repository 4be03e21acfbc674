/** HTTP plumbing for the sandbox: bounded body reading and the OMI response envelope. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SUCCESS_STATUS, type Envelope } from '../../shared/omi/types';

/** Bodies above this are answered 413 (the spec gives no limit; 10 MiB is generous for 1,000-row batches). */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
/** Past this the rest of an oversized body is not even drained: the connection is closed. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true; bytes: number };

/**
 * Reads the whole request body up to `limit` bytes. An oversized body is drained (not kept) before the answer,
 * because answering while the client is still sending makes many clients report a broken pipe instead of the 413.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) chunks.push(chunk);
      else if (bytes > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', () => {
      if (bytes > limit) resolve({ ok: false, tooLarge: true, bytes });
      else resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}

/** The OMI envelope around a payload; `message` is the sandbox's explanation when status_code is not 9999. */
export function envelope<P>(payload: P, statusCode = SUCCESS_STATUS, message?: string): Envelope<P> & { message?: string } {
  const e: Envelope<P> & { message?: string } = {
    status_code: statusCode,
    instance_id: 'sandbox',
    instance_name: 'omi-sandbox',
    payload,
    key_enabled: false,
  };
  if (message !== undefined) e.message = message;
  return e;
}

/** Writes a JSON answer (no-op when the client is already gone). */
export function sendJson(res: ServerResponse, httpStatus: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(httpStatus, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** A failure envelope: HTTP status, a non-9999 status_code and a sentence saying what was wrong. */
export interface Failure {
  http: number;
  statusCode: number;
  message: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export function sendFailure(res: ServerResponse, f: Failure): void {
  sendJson(res, f.http, envelope(f.payload ?? null, f.statusCode, f.message), f.headers);
}
