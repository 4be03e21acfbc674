/** The OMI Contact API v2: types, the fetch client, its errors and the tolerant readers. */
export * from './types';
export type { AddManyResult, CallOptions, OmiApi, OmiClientConfig } from './api';
export { OmiError, isOmiError, type OmiErrorKind } from './errors';
export { createOmiClient, parseRetryAfter, DEFAULT_TIMEOUT_MS } from './client';
export { checkBaseUrl, isLoopbackHost } from './base-url';
export { readLayoutList } from './layout-list';
export { readFunnelList } from './funnel-list';
export { readRowRejections } from './row-errors';
export { flattenContact, type FlatContact } from './flatten';
