// Workstation settings: a validated, recorded, per-workstation store behind SettingsBackend.
export { DEFAULT_SETTINGS, MIN_JUSTIFICATION_LENGTH, defaultSettings } from './defaults';
export { fileSettingsBackend } from './file-backend';
export { settingsHandlers } from './handlers';
export { memorySettingsBackend, type MemorySettingsBackend } from './memory-backend';
export { createSettingsService, type RecordedSettingsChange, type SettingName, type SettingsService, type SettingsServiceDeps } from './service';
