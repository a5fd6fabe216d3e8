// Audit-trail failures carried to the CRSO (CJIS AU-5). The journal's onFailure tells this workstation's
// operator at once (the audit.failure event); report() also files the failure in the agency store, where the
// CRSO sees it from any workstation. Best effort: the store may be on the same failing disk (embedded
// PGlite), and then the workstation's own log and screen are what is left. One row per code per minute,
// so a burst of refused actions does not flood the table.
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Db } from '../store/db';
import type { AuditFailure } from './types';

export const ALERT_REPEAT_MS = 60_000;

export interface AuditAlertView {
  workstation: string;
  at: string;
  code: string;
  message: string;
  severity: 'warning' | 'critical';
}

export interface AuditAlerts {
  report(failure: AuditFailure): Promise<void>;
  /** The newest alerts of every workstation, newest first. */
  list(limit?: number): Promise<AuditAlertView[]>;
}

export function createAuditAlerts(deps: { db: Db; workstationId: string; clock: Clock; logger: Logger }): AuditAlerts {
  const lastFiled = new Map<string, number>();
  return {
    async report(failure) {
      const now = deps.clock.now();
      const code = /^[A-Z][A-Z0-9_]{1,63}$/.test(failure.code) ? failure.code : 'AUDIT_WRITE_FAILED';
      const last = lastFiled.get(code);
      if (last !== undefined && now - last < ALERT_REPEAT_MS) return;
      lastFiled.set(code, now);
      try {
        await deps.db.query(`INSERT INTO audit_alerts (workstation_id, at, code, message, severity) VALUES ($1, $2, $3, $4, $5)`, [
          deps.workstationId,
          new Date(now),
          code,
          failure.message.replace(/\p{Cc}/gu, ' ').slice(0, 500) || code,
          failure.severity,
        ]);
      } catch (error) {
        lastFiled.delete(code);
        deps.logger.error('the audit failure could not be filed for the CRSO in the agency store', { code, error });
      }
    },
    async list(limit = 200) {
      const rows = await deps.db.query<{ workstation_id: string; at: Date; code: string; message: string; severity: 'warning' | 'critical' }>(
        `SELECT workstation_id, at, code, message, severity FROM audit_alerts ORDER BY at DESC, alert_id DESC LIMIT $1`,
        [Math.max(1, Math.min(limit, 1000))],
      );
      return rows.map((r) => ({ workstation: r.workstation_id, at: r.at.toISOString(), code: r.code, message: r.message, severity: r.severity }));
    },
  };
}
