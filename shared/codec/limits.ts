// Bounds on the work decodeReply does, whatever it is given.

/** Longest reply text decoded (256 KiB of characters); longer text is `unparsed`. */
export const MAX_REPLY_CHARS = 256 * 1024;
/** Most lines in a reply. */
export const MAX_REPLY_LINES = 20_000;
/** Most `MKE/` sections (records, arrests, charges…) in a reply. */
export const MAX_REPLY_RECORDS = 2_000;
