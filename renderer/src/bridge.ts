/**
 * The renderer's only way to the main process: `window.omi`, exposed by the preload in the app
 * and by the harness bridge in the browser tests. Both implement the same OmiBridge contract.
 */
import type { Events, EventChannel, OmiBridge, RequestArgs, RequestChannel, Responses } from '../../shared/ipc/contract';

function bridge(): OmiBridge {
  const omi = (window as unknown as { omi?: OmiBridge }).omi;
  if (!omi) throw new Error('window.omi is missing: the app must run inside OMI Importer or the test harness.');
  return omi;
}

/** Sends one request to the main process and waits for its answer. */
export function request<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<Responses[C]> {
  return bridge().request(channel, args);
}

/** Listens to one main-process event; returns the unsubscribe. */
export function on<E extends EventChannel>(event: E, listener: (payload: Events[E]) => void): () => void {
  return bridge().on(event, listener);
}
