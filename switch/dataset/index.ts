// The synthetic training data set. See switch/README.md for the fixed training subjects.
import type { Dataset } from './dataset';
import type { HostileRecord } from './types';

export { createDataset, Dataset, DEFAULT_SEED, DEFAULT_PERSON_COUNT, DEFAULT_VEHICLE_COUNT, parseName } from './dataset';
export type { DatasetOptions, NameFilter } from './dataset';
export { FIXED_PERSON_KEYS, FIXED_VEHICLE_KEYS } from './fixed';
export { HOSTILE_PAYLOADS } from './hostile';
export type * from './types';

/** Every record of `dataset` that carries a hostile string, with the field, payload and a query. */
export function hostileRecords(dataset: Dataset): HostileRecord[] {
  return dataset.hostileRecords();
}
