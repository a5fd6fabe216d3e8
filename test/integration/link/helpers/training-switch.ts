// The real training switch (switch/server.ts) for the link's integration tests, on a free loopback
// port, sharing one data set per test file.

import { createDataset, type Dataset } from '../../../../switch/dataset';
import { startTrainingSwitch, type TrainingSwitch, type TrainingSwitchOptions } from '../../../../switch/server';
import type { Pem, TestPki } from './pki';

let shared: Dataset | null = null;

function dataset(): Dataset {
  shared ??= createDataset({});
  return shared;
}

export type SwitchOverrides = Partial<Omit<TrainingSwitchOptions, 'pki'>> & { serverPem?: Pem };

export async function startSwitch(pki: TestPki, overrides: SwitchOverrides = {}): Promise<TrainingSwitch> {
  const { serverPem = pki.switch, ...rest } = overrides;
  return startTrainingSwitch({
    host: '127.0.0.1',
    port: 0,
    pki: { ca: pki.ca.cert, cert: serverPem.cert, key: serverPem.key },
    dataset: dataset(),
    ...rest,
  });
}
