// The audit failure notice (issue #4, A5): the main process's `audit.failure` event lands in a slice that
// the lock does not clear (no CJI in it), and a role="alert" banner says in plain words what it means.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { AUDIT_FAILURE_WORDS, AuditFailureBanner } from '../../../renderer/src/components/AuditFailureBanner';
import { formatDay } from '../../../renderer/src/state/format';
import { createAuditFailureSlice, isAuditFailure, type AuditFailureSlice } from '../../../renderer/src/state/audit-failure';
import { fakeApi } from './fake-api';

const FAILURE = { code: 'AUDIT_WRITE_FAILED', message: 'The audit journal could not be written (ENOSPC).', at: '2026-11-24T01:02:03.000Z' };

const slice = () => createStore<AuditFailureSlice>()((...a) => createAuditFailureSlice()(...a));

describe('audit failure slice', () => {
  it('starts empty, keeps the latest failure and counts them', () => {
    const store = slice();
    expect(store.getState().auditFailure).toEqual({ latest: null, count: 0 });
    store.getState().receiveAuditFailure(FAILURE);
    store.getState().receiveAuditFailure({ ...FAILURE, code: 'AUDIT_SYNC_FAILED', at: '2026-11-24T01:05:00.000Z' });
    expect(store.getState().auditFailure).toEqual({ latest: { ...FAILURE, code: 'AUDIT_SYNC_FAILED', at: '2026-11-24T01:05:00.000Z' }, count: 2 });
  });

  it('dismissing hides it until the next failure; the count stays', () => {
    const store = slice();
    store.getState().receiveAuditFailure(FAILURE);
    store.getState().dismissAuditFailure();
    expect(store.getState().auditFailure).toEqual({ latest: null, count: 1 });
    store.getState().receiveAuditFailure(FAILURE);
    expect(store.getState().auditFailure).toEqual({ latest: FAILURE, count: 2 });
  });

  it.each([
    ['null', null],
    ['a string', 'AUDIT_WRITE_FAILED'],
    ['an array', [FAILURE]],
    ['no code', { message: 'x', at: FAILURE.at }],
    ['an empty code', { ...FAILURE, code: '' }],
    ['a code too long', { ...FAILURE, code: 'X'.repeat(65) }],
    ['a message too long', { ...FAILURE, message: 'x'.repeat(2001) }],
    ['a time that is not ISO', { ...FAILURE, at: 'yesterday' }],
    ['an extra key', { ...FAILURE, operator: 'TDISP01' }],
  ])('ignores a malformed payload: %s', (_title, payload) => {
    expect(isAuditFailure(payload)).toBe(false);
    const store = slice();
    store.getState().receiveAuditFailure(payload);
    expect(store.getState().auditFailure).toEqual({ latest: null, count: 0 });
  });

  it('receives the main process’s event through window.clets', () => {
    const { api, backend } = fakeApi();
    const store = slice();
    const stop = api.onAuditFailure((payload) => store.getState().receiveAuditFailure(payload));
    backend.emit('audit.failure', FAILURE);
    expect(store.getState().auditFailure.latest).toEqual(FAILURE);
    stop();
    expect(backend.listenerCount('audit.failure')).toBe(0);
  });
});

describe('AuditFailureBanner', () => {
  it('says in plain words what it means, with the code and the time, and offers a dismiss button', () => {
    const html = renderToStaticMarkup(<AuditFailureBanner failure={FAILURE} count={1} onDismiss={() => {}} timeZone="UTC" />);
    expect(html).toContain('role="alert"');
    expect(html).toContain(AUDIT_FAILURE_WORDS);
    expect(AUDIT_FAILURE_WORDS).toBe('The audit trail could not be written. Inquiries and other recorded actions are refused until it is fixed. Tell your CRSO.');
    expect(html).toContain('<span class="mono">AUDIT_WRITE_FAILED</span>');
    expect(html).toContain(`<time dateTime="2026-11-24T01:02:03.000Z">01:02:03 on ${formatDay(FAILURE.at, 'UTC')}</time>`);
    expect(formatDay(FAILURE.at, 'UTC')).toMatch(/24 Nov 2026/);
    expect(html).toMatch(/<button type="button"[^>]*>Dismiss audit failure notice<\/button>/);
    expect(html).not.toContain('failures reported');
  });

  it('says how many failures there were when more than one', () => {
    expect(renderToStaticMarkup(<AuditFailureBanner failure={FAILURE} count={3} onDismiss={() => {}} timeZone="UTC" />)).toContain('(3 failures reported)');
  });

  it('keeps an empty alert region in the page when there is nothing to show, so the next failure is announced', () => {
    const html = renderToStaticMarkup(<AuditFailureBanner failure={null} count={2} onDismiss={() => {}} />);
    expect(html).toBe('<div class="form-alert form-alert--empty audit-failure" role="alert"></div>');
  });

  it('renders the code as text, never as markup', () => {
    const html = renderToStaticMarkup(<AuditFailureBanner failure={{ ...FAILURE, code: '<img src=x>' }} count={1} onDismiss={() => {}} timeZone="UTC" />);
    expect(html).not.toContain('<img');
  });
});
