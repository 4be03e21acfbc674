import type { EventChannel, Events, RequestArgs, RequestChannel, Responses } from '../../../shared/ipc/contract';
import type { OmiApi } from '../../../shared/omi/api';

/** One async function per request channel, receiving arguments already validated against the contract. */
export type Handlers = { [C in RequestChannel]: (args: RequestArgs<C>) => Promise<Responses[C]> };

/** Where the token lives: encrypted at rest by the caller (Electron safeStorage in the app). */
export interface SecretStore {
  get(): Promise<string | null>;
  set(token: string): Promise<void>;
}

/** The side effects the handlers need, passed in so they run under Node tests and in the browser harness. */
export interface MainDeps {
  userDataDir: string;
  secrets: SecretStore;
  dialogs: {
    /** Path of the file the user picked, or null when they cancelled. */
    openFile(): Promise<string | null>;
    /** Where to save, or null when they cancelled. */
    saveFile(defaultName: string): Promise<string | null>;
  };
  openExternal(url: string): Promise<void>;
  emit<E extends EventChannel>(event: E, payload: Events[E]): void;
  /** Starts (once) the embedded OMI sandbox and gives its address and token. */
  sandbox(): Promise<{ url: string; token: string }>;
  /** For tests: how the handlers build an API client (default: shared/omi createOmiClient). */
  makeApi?(baseUrl: string, token: string): OmiApi;
}
