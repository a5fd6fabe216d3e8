// What the services need from the platform they run on. The Electron layer implements these with
// powerMonitor, clipboard and electron-store; the preview host and tests use the Node versions.
// Services depend on these interfaces only, never on electron.

/** OS-wide input idle time (Electron: powerMonitor.getSystemIdleTime() × 1000). */
export interface IdleSource {
  /**
   * Milliseconds since the last keyboard or pointer input anywhere on the machine, or null when the
   * platform cannot tell (then the renderer's own activity reports decide alone). Never report 0 for
   * "unknown": 0 means "input just now" and would keep the idle lock from ever firing.
   */
  systemIdleMs(): number | null;
}

/** The system clipboard, as far as the clipboard guard needs it. Electron's is asynchronous. */
export interface ClipboardPort {
  readText(): string | Promise<string>;
  writeText(text: string): void | Promise<void>;
  clear(): void | Promise<void>;
}

/** Raw storage for workstation settings. The settings service validates whatever comes back. */
export interface SettingsBackend {
  /**
   * The stored object, or undefined when nothing is stored yet. Throws when the file is unreadable or is
   * not JSON, with a short reason as the message ("it is not valid JSON"): the settings service puts it
   * into its own SETTINGS_CORRUPT message, which already names the file and the way back.
   */
  read(): unknown;
  /** Replaces what is stored (atomically). Called over a damaged file only after preserveAside(). */
  write(value: unknown): void;
  /**
   * Keeps a copy of what is stored now beside it, named with `.corrupt-<tag>`, before a damaged file is
   * ever replaced. Returns where the copy is, or null when nothing is stored. Throws when it cannot copy.
   */
  preserveAside(tag: string): string | null;
  /** Where the settings live, for error messages (a path, never a secret). */
  readonly location: string;
}

export interface PlatformPorts {
  idle: IdleSource;
  clipboard: ClipboardPort;
  settings: SettingsBackend;
}

/** No OS idle information: the renderer's own activity reports drive the idle lock alone. */
export const noSystemIdle: IdleSource = { systemIdleMs: () => null };

/** A process-local clipboard for hosts without an OS clipboard API (preview host, tests). */
export function memoryClipboard(): ClipboardPort & { peek(): string } {
  let text = '';
  return {
    readText: () => text,
    writeText: (value) => {
      text = value;
    },
    clear: () => {
      text = '';
    },
    peek: () => text,
  };
}
