import { describe, expect, it } from 'vitest';
import { formatDateOnly, formatDateTime, formatDay, localDate } from '../../../renderer/src/state/format';
import {
  countLabel,
  describeLink,
  describeLockReason,
  describeOperator,
  effectiveView,
  formatClock,
  screenOf,
  selectTraining,
  viewsFor,
} from '../../../renderer/src/state/selectors';
import { createAppStore } from '../../../renderer/src/state/store';
import { INFO, activeState, fakeApi, linkStatus, rosterEntry } from './fake-api';

describe('describeLink', () => {
  it('says it is checking before any status arrives', () => {
    expect(describeLink(null)).toEqual({ tone: 'pending', label: 'Checking link', detail: null, nextAttemptAt: null });
  });

  it('says why the status is unavailable when it could not be read', () => {
    expect(describeLink(null, { code: 'TRANSPORT', message: 'The request could not reach the main process.' })).toMatchObject({
      tone: 'error',
      detail: 'The request could not reach the main process.',
    });
  });

  it('names the switch when connected', () => {
    expect(describeLink(linkStatus())).toEqual({ tone: 'ok', label: 'Connected', detail: 'Message switch TRAINING', nextAttemptAt: null });
  });

  it('shows connecting as pending', () => {
    expect(describeLink(linkStatus({ state: 'connecting' }))).toMatchObject({ tone: 'pending', label: 'Connecting' });
  });

  it('gives the reason and the next attempt time while reconnecting', () => {
    const status = linkStatus({
      state: 'reconnecting',
      error: { code: 'CONNECTION_LOST', message: 'The connection to the switch dropped.' },
      nextAttemptAt: '2026-11-23T12:00:30.000Z',
    });
    expect(describeLink(status)).toEqual({
      tone: 'warning',
      label: 'Reconnecting',
      detail: 'The connection to the switch dropped.',
      nextAttemptAt: '2026-11-23T12:00:30.000Z',
    });
  });

  it('gives the plain-English error when the link failed', () => {
    const status = linkStatus({ state: 'failed', error: { code: 'TLS_CERT', message: 'The switch certificate is not trusted.' } });
    expect(describeLink(status)).toMatchObject({ tone: 'error', label: 'Link failed', detail: 'The switch certificate is not trusted.' });
  });

  it('still says something useful when a failure carries no error', () => {
    expect(describeLink(linkStatus({ state: 'failed' })).detail).toBe('The link to the message switch failed.');
  });

  it('shows disconnected as idle', () => {
    expect(describeLink(linkStatus({ state: 'disconnected' }))).toMatchObject({ tone: 'idle', label: 'Disconnected' });
  });
});

describe('selectTraining', () => {
  function state(training: boolean | null, mode: 'training' | 'live' | null) {
    const store = createAppStore(fakeApi().api);
    store.setState({
      link: { status: training === null ? null : linkStatus({ training }), loadError: null },
      info: { value: mode === null ? null : ({ ...INFO, mode } as typeof INFO), loadError: null },
    });
    return store.getState();
  }

  it('is on when the link reports training', () => expect(selectTraining(state(true, null))).toBe(true));
  it('is on when the app runs in training mode, before the link says anything', () => expect(selectTraining(state(null, 'training'))).toBe(true));
  it('is off only when neither says training', () => expect(selectTraining(state(false, 'live'))).toBe(false));
  it('is off before anything is known', () => expect(selectTraining(state(null, null))).toBe(false));
});

describe('formatting', () => {
  it('formats times on a 24-hour clock', () => {
    expect(formatClock('2026-11-23T21:04:05.000Z', 'UTC')).toBe('21:04:05');
  });
  it('formats an unreadable time as nothing', () => {
    expect(formatClock('soon')).toBe('');
  });
  it('counts messages', () => {
    expect([0, 1, 2].map(countLabel)).toEqual(['0 messages', '1 message', '2 messages']);
  });
});

describe('session selectors', () => {
  it('says in plain words why the workstation locked', () => {
    expect(describeLockReason('idle', 600_000)).toBe('Locked because there was no keyboard or mouse activity for 10 minutes.');
    expect(describeLockReason('idle', 60_000)).toMatch(/for 1 minute\.$/);
    expect(describeLockReason('idle', null)).toMatch(/no keyboard or mouse activity for the time set/);
    expect(describeLockReason('os-lock')).toMatch(/screen was locked/);
    expect(describeLockReason('suspend')).toMatch(/went to sleep/);
    expect(describeLockReason('shortcut')).toMatch(/Ctrl\+L/);
    expect(describeLockReason('operator')).toMatch(/by the operator/);
    expect(describeLockReason('reauth-due')).toMatch(/12-hour limit.*password, badge and PIN/);
  });

  it('opens the roster and the audit trail to a CRSO, supervision and the dissemination log to supervisors and the CRSO, releases to records staff too, and the settings to an administrator only', () => {
    expect(viewsFor(['dispatcher']).map((t) => t.view)).toEqual(['home']);
    expect(viewsFor(['records']).map((t) => t.view)).toEqual(['home', 'releases']);
    expect(viewsFor(['crso']).map((t) => t.view)).toEqual(['home', 'operators', 'supervision', 'releases', 'dissemination', 'audit']);
    expect(viewsFor(['supervisor']).map((t) => t.view)).toEqual(['home', 'supervision', 'releases', 'dissemination']);
    expect(viewsFor(['admin']).map((t) => t.view)).toEqual(['home', 'settings']);
    expect(viewsFor(['crso', 'admin']).map((t) => t.label)).toEqual([
      'Workspace',
      'Operators',
      'Supervision',
      'Releases',
      'Dissemination log',
      'Audit trail',
      'Workstation settings',
    ]);
    expect(effectiveView('operators', ['records'])).toBe('home');
    expect(effectiveView('operators', ['crso'])).toBe('operators');
  });

  it('chooses the screen from the phase, and the lock screen while a lock is being confirmed', () => {
    const base = { loadError: null, pending: false, error: null, operatorId: null, idleTimeoutMs: null, locking: false };
    expect(screenOf({ ...base, state: null })).toBe('starting');
    expect(screenOf({ ...base, state: { phase: 'credentials' } })).toBe('credentials');
    expect(screenOf({ ...base, state: activeState() })).toBe('active');
    expect(screenOf({ ...base, state: activeState(), locking: true })).toBe('locked');
  });

  it('flags a lapsed certification, a missing statement and a locked account in words', () => {
    const lapsed = describeOperator(rosterEntry({ certifiedUntil: '2026-11-22', locked: true, lockedReason: '5 failed sign-ons' }), '2026-11-23');
    expect(lapsed.certification).toEqual({ text: '22 Nov 2026', flag: 'danger', lapsed: true });
    expect(lapsed.status).toEqual({ text: 'Locked', flag: 'danger', detail: '5 failed sign-ons' });
    const today = describeOperator(rosterEntry({ certifiedUntil: '2026-11-23' }), '2026-11-23');
    expect(today.certification.lapsed).toBe(false);
    const missing = describeOperator(rosterEntry({ statementSignedOn: null, certifiedUntil: null, disabled: true }), '2026-11-23');
    expect(missing.statement).toEqual({ text: 'Not signed', flag: 'danger' });
    expect(missing.certification.text).toBe('Not recorded');
    expect(missing.status.text).toBe('Disabled');
    expect(describeOperator(rosterEntry({ roles: ['crso', 'admin'] }), '2026-11-23').roles).toBe('Criminal Records Security Officer, Workstation administrator');
  });

  it('formats dates without shifting a date-only value through a time zone', () => {
    expect(formatDateOnly('2026-01-01')).toBe('1 Jan 2026');
    expect(formatDateTime('2026-11-23T21:04:05.000Z', 'UTC')).toBe('23 Nov 2026 21:04');
    expect(formatDay('2026-11-23T21:04:05.000Z', 'UTC')).toBe('Mon, 23 Nov 2026');
    expect(localDate(Date.UTC(2026, 10, 24, 3, 0), 'America/Los_Angeles')).toBe('2026-11-23');
  });
});
