// An in-memory SettingsBackend for tests: holds a JSON string, so what is read back is parsed like a file.
import type { SettingsBackend } from '../platform';

export interface MemorySettingsBackend extends SettingsBackend {
  /** The stored text (undefined: nothing stored). Tests write damaged text here. */
  text: string | undefined;
  /** Copies kept by preserveAside, by name. */
  readonly preserved: Map<string, string>;
}

export function memorySettingsBackend(initial?: unknown): MemorySettingsBackend {
  const backend: MemorySettingsBackend = {
    location: 'memory:settings.json',
    text: initial === undefined ? undefined : JSON.stringify(initial),
    preserved: new Map(),
    read() {
      if (backend.text === undefined) return undefined;
      try {
        return JSON.parse(backend.text) as unknown;
      } catch (error) {
        throw new Error('it is not valid JSON', { cause: error });
      }
    },
    write(value) {
      backend.text = JSON.stringify(value);
    },
    preserveAside(tag) {
      if (backend.text === undefined) return null;
      const name = `${backend.location}.corrupt-${tag}`;
      backend.preserved.set(name, backend.text);
      return name;
    },
  };
  return backend;
}
