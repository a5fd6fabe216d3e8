// The one thing the renderer knows about the main process: the preload's API type. The object itself
// comes from the Electron preload (contextBridge) or, in the preview host, from preview-bridge.js —
// both built from shared/contract/client's createApi.
import type { CletsApi } from '../../electron/preload/api';

declare global {
  interface Window {
    readonly clets: CletsApi;
  }
}

export {};
