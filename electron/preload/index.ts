/**
 * The one bridge between the sandboxed renderer and the main process: `window.omi`, typed by the IPC contract.
 * It exposes two named functions, never ipcRenderer itself; only the contract's channels pass.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventChannel, Events, OmiBridge, RequestArgs, RequestChannel, Responses } from '../../shared/ipc/contract';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../shared/ipc/channels';

const requests = new Set<string>(REQUEST_CHANNELS);
const events = new Set<string>(EVENT_CHANNELS);

const bridge = {
  async request<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<Responses[C]> {
    if (!requests.has(channel)) throw new Error(`Unknown request: ${String(channel)}`);
    const answer = (await ipcRenderer.invoke('omi:request', channel, args)) as
      | { ok: true; value: Responses[C] }
      | { ok: false; error: { code: string; text: { vi: string; en: string } } };
    if (answer.ok) return answer.value;
    throw Object.assign(new Error(answer.error.text.en), { code: answer.error.code, text: answer.error.text });
  },
  on<E extends EventChannel>(event: E, listener: (payload: Events[E]) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: Events[E]) => listener(payload);
    ipcRenderer.on(`omi:event:${event}`, wrapped);
    return () => ipcRenderer.removeListener(`omi:event:${event}`, wrapped);
  },
} satisfies OmiBridge;

contextBridge.exposeInMainWorld('omi', bridge);
