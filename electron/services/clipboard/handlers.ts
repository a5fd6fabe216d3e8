// clipboard.copy: the renderer never writes the clipboard itself for CJI; it asks the main process.
import type { Handlers } from '../ipc/router';
import type { ClipboardGuard } from './guard';

export function clipboardHandlers(guard: ClipboardGuard): Pick<Handlers, 'clipboard.copy'> {
  return {
    'clipboard.copy': (request) => ({ clearsAt: new Date(guard.copy(request.text).clearsAt).toISOString() }),
  };
}
