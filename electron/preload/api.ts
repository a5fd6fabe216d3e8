// The renderer's type for window.clets, derived from the preload itself (type-only: nothing runs).
export type CletsApi = typeof import('./preload').api;
