// The guarded clipboard (L11).
export { CLIPBOARD_CLEAR_MS, createClipboardGuard, type ClipboardGuard, type ClipboardGuardDeps } from './guard';
export { clipboardHandlers } from './handlers';
