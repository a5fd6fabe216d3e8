import { describe, expect, it } from 'vitest';
import { countLabel, describeLink, formatClock, selectTraining } from '../../../renderer/src/state/selectors';
import { createAppStore } from '../../../renderer/src/state/store';
import { INFO, fakeApi, linkStatus } from './fake-api';

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
