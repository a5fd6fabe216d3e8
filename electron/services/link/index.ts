// The CLETS link service (main process, plain Node). See README.md in this folder.
export { createLink, LINK_DEFAULTS } from './link';
export { LinkError, isLinkError, mapSocketError, needsAttention, type LinkErrorCode, type LinkErrorInfo } from './errors';
export { createReconnectPolicy, DEFAULT_RECONNECT, type ReconnectPolicy } from './reconnect';
export { createRefGenerator } from './ref';
export { PendingTable } from './pending';
export { loadCredentials } from './credentials';
export type {
  CletsLink,
  InquiryMeta,
  LinkOptions,
  LinkReply,
  LinkState,
  LinkStatus,
  PemSource,
  ReconnectOptions,
  UnsolicitedMessage,
} from './types';
