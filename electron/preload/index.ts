/**
 * Exposes exactly the API contract as `window.pantau`: one frozen object,
 * invoke for methods in the contract, on for its events. Nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { apiEventNames, apiMethodNames } from '../../shared/api';

const methods = new Set<string>(apiMethodNames);
const events = new Set<string>(apiEventNames);

const bridge = Object.freeze({
  invoke(method: string, params: unknown): Promise<unknown> {
    if (!methods.has(method))
      return Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `Unknown method "${method}".` } });
    return ipcRenderer.invoke(method, params);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event "${event}".`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
});

contextBridge.exposeInMainWorld('pantau', bridge);
