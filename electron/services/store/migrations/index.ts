// Every migration this app knows, oldest first. Append only; never edit one that has shipped.
import { migration0001 } from './0001-roster';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration0001];
