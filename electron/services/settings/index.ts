// Workstation settings: a validated, recorded, per-workstation store behind SettingsBackend.
export { DEFAULT_SETTINGS, MIN_JUSTIFICATION_LENGTH, copyInquiryPolicy, defaultSettings } from './defaults';
export { fileSettingsBackend } from './file-backend';
export { changedItems, settingsHandlers, type SettingItemChange } from './handlers';
export { memorySettingsBackend, type MemorySettingsBackend } from './memory-backend';
export { createSettingsService, policyIsLoosened, policyLoosenings, type RecordedSettingsChange, type SettingName, type SettingsService, type SettingsServiceDeps } from './service';
