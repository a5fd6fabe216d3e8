// Certificates for benchmarks: the training PKI, generated once under .bench/pki.

import path from 'node:path';
import { ensureTrainingPki, type TrainingPki } from '../../switch/pki';

export function benchPki(workDir: string): Promise<TrainingPki> {
  return ensureTrainingPki(path.join(workDir, 'pki'));
}
