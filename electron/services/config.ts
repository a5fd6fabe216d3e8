// Where app data lives and who this workstation is. CLETS_DATA_DIR overrides the data folder
// (settings, certificates, store, audit) for every entry point: Electron, preview, switch, tests.
import path from 'node:path';

export interface WorkstationIdentity {
  id: string;
  ori: string;
  terminal: string;
}

/** The training workstation: a fictional ORI and mnemonic used only against the training switch. */
export const TRAINING_WORKSTATION: WorkstationIdentity = { id: 'WS-TRAIN-01', ori: 'CA0349999', terminal: 'TRN1' };

export function resolveDataDir(env: NodeJS.ProcessEnv, fallback: string): string {
  const fromEnv = env.CLETS_DATA_DIR?.trim();
  return path.resolve(fromEnv && fromEnv.length > 0 ? fromEnv : fallback);
}
