// Every migration this app knows, oldest first. Append only; never edit one that has shipped.
import { migration0001 } from './0001-roster';
import { migration0002 } from './0002-sessions';
import { migration0003 } from './0003-audit';
import { migration0004 } from './0004-audit-search';
import { migration0005 } from './0005-hit-confirmations';
import { migration0006 } from './0006-audit-reviews';
import { migration0007 } from './0007-releases';
import { migration0008 } from './0008-audit-alerts';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008];
