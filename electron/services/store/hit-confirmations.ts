// Hit confirmation requests (YQ) in the agency store (migration 5): the sending workstation writes a row
// when the YQ goes out and updates its status; supervisors on any workstation list the overdue ones (Q7).
// Times are the injected clock's, written as timestamptz.

import type { Db } from './db';

export type HitConfirmationStatus = 'waiting' | 'confirmed' | 'not_confirmed' | 'overdue' | 'failed';

export interface HitConfirmationRow {
  id: string;
  workstationId: string;
  operatorId: string;
  hitRef: string;
  recordIndex: number;
  subject: string;
  rty: string;
  nic: string;
  oca: string;
  destination: string;
  priority: 'U' | 'R';
  requestNumber: '1' | '2' | '3';
  /** Epoch ms. */
  sentAt: number;
  dueAt: number;
  status: HitConfirmationStatus;
  closedAt: number | null;
}

export interface HitConfirmationStore {
  insert(row: HitConfirmationRow): Promise<void>;
  setStatus(id: string, status: HitConfirmationStatus, closedAt: number | null): Promise<void>;
  /** This workstation's requests still waiting (after a restart: their timers are armed again). */
  listWaiting(workstationId: string): Promise<HitConfirmationRow[]>;
  /** Overdue requests of every workstation, oldest due first (at most `limit`). */
  listOverdue(limit?: number): Promise<HitConfirmationRow[]>;
}

interface DbRow {
  id: string;
  workstation_id: string;
  operator_id: string;
  hit_ref: string;
  record_index: number;
  subject: string;
  rty: string;
  nic: string;
  oca: string;
  destination: string;
  priority: 'U' | 'R';
  request_number: '1' | '2' | '3';
  sent_at: Date;
  due_at: Date;
  status: HitConfirmationStatus;
  closed_at: Date | null;
}

const fromDb = (r: DbRow): HitConfirmationRow => ({
  id: r.id,
  workstationId: r.workstation_id,
  operatorId: r.operator_id,
  hitRef: r.hit_ref,
  recordIndex: r.record_index,
  subject: r.subject,
  rty: r.rty,
  nic: r.nic,
  oca: r.oca,
  destination: r.destination,
  priority: r.priority,
  requestNumber: r.request_number,
  sentAt: r.sent_at.getTime(),
  dueAt: r.due_at.getTime(),
  status: r.status,
  closedAt: r.closed_at === null ? null : r.closed_at.getTime(),
});

export function createHitConfirmationStore(db: Db): HitConfirmationStore {
  return {
    async insert(row) {
      await db.query(
        `INSERT INTO hit_confirmations (id, workstation_id, operator_id, hit_ref, record_index, subject, rty, nic, oca, destination,
           priority, request_number, sent_at, due_at, status, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          row.id,
          row.workstationId,
          row.operatorId,
          row.hitRef,
          row.recordIndex,
          row.subject,
          row.rty,
          row.nic,
          row.oca,
          row.destination,
          row.priority,
          row.requestNumber,
          new Date(row.sentAt),
          new Date(row.dueAt),
          row.status,
          row.closedAt === null ? null : new Date(row.closedAt),
        ],
      );
    },
    async setStatus(id, status, closedAt) {
      await db.query(`UPDATE hit_confirmations SET status = $2, closed_at = $3 WHERE id = $1`, [id, status, closedAt === null ? null : new Date(closedAt)]);
    },
    async listWaiting(workstationId) {
      const rows = await db.query<DbRow>(`SELECT * FROM hit_confirmations WHERE status = 'waiting' AND workstation_id = $1 ORDER BY due_at, id LIMIT 1000`, [workstationId]);
      return rows.map(fromDb);
    },
    async listOverdue(limit = 500) {
      const rows = await db.query<DbRow>(`SELECT * FROM hit_confirmations WHERE status = 'overdue' ORDER BY due_at, id LIMIT $1`, [Math.max(1, Math.min(limit, 500))]);
      return rows.map(fromDb);
    },
  };
}
