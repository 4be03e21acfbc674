import type { OmiBridge } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** The preload's bridge (the browser harness provides the same object). */
    omi: OmiBridge;
  }
}
export {};
