import { requestSchemas, type EventChannel, type RequestChannel } from './contract';

/** Every request channel of the contract, as a list (the preload allows only these). */
export const REQUEST_CHANNELS = Object.keys(requestSchemas) as RequestChannel[];

/** Every event channel of the contract. Typed so adding an event to `Events` without listing it here fails to compile. */
const EVENTS: Record<EventChannel, true> = {
  'import:progress': true,
  'import:rows': true,
  'import:done': true,
  'import:needs-credentials': true,
};
export const EVENT_CHANNELS = Object.keys(EVENTS) as EventChannel[];
