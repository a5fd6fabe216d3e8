// The sandboxed preload (bundled to dist/electron/preload.cjs). It may import only `electron` and
// the zod-free contract files (names.ts, client.ts). It exposes exactly one frozen object of named
// methods as window.clets; ipcRenderer itself never crosses the bridge (checklist item 20).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi, type Transport } from '../../shared/contract/client';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_PREFIX } from '../../shared/contract/names';

const transport: Transport = {
  invoke(channel, payload) {
    return ipcRenderer.invoke(IPC_INVOKE_PREFIX + channel, payload);
  },
  subscribe(event, listener) {
    // One closure, added and removed by the same reference, so unsubscribing really removes it.
    const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent);
    };
  },
};

export const api = createApi(transport);

contextBridge.exposeInMainWorld('clets', api);
