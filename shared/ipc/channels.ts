import type { EventChannel, RequestChannel } from './contract';

/**
 * The contract's channel names as plain lists, for the preload's allow-list. Kept free of the schemas (and of
 * zod) because the sandboxed preload can only run one self-contained file. Typed as records so that a channel
 * added to the contract and forgotten here fails to compile.
 */
const REQUESTS: Record<RequestChannel, true> = {
  'connection:get': true,
  'connection:set': true,
  'connection:test': true,
  'catalog:get': true,
  'file:open-dialog': true,
  'file:open-recent': true,
  'file:recent': true,
  'file:save': true,
  'templates:list': true,
  'templates:save': true,
  'templates:delete': true,
  'templates:rename': true,
  'import:start': true,
  'import:start-encoded': true,
  'import:pause': true,
  'import:resume': true,
  'import:cancel': true,
  'import:pending': true,
  'import:history': true,
  'import:continue': true,
  'credentials:renew': true,
  'shell:open-external': true,
};
const EVENTS: Record<EventChannel, true> = {
  'import:progress': true,
  'import:rows': true,
  'import:done': true,
  'import:needs-credentials': true,
  'import:failed': true,
};

export const REQUEST_CHANNELS = Object.keys(REQUESTS) as RequestChannel[];
export const EVENT_CHANNELS = Object.keys(EVENTS) as EventChannel[];
