// preview-bridge.js: loaded by the preview host's index.html before the app bundle. It gives the page
// the same window.clets the Electron preload exposes — built by the same createApi — over HTTP.
import { createApi } from '../../shared/contract/client';
import { createFetchTransport } from './transport';

const script = document.currentScript;
const here = script instanceof HTMLScriptElement && script.src ? script.src : location.href;
const api = createApi(createFetchTransport({ apiBase: new URL('api/', here).href }));

Object.defineProperty(window, 'clets', { value: api, writable: false, configurable: false, enumerable: true });
