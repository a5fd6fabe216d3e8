import { describe, expect, it } from 'vitest';
import { createAppStore, startAppStore } from '../../../renderer/src/state/store';
import { MAX_UNSOLICITED } from '../../../renderer/src/state/unsolicited';
import { activeState, fakeApi, lockedState, unsolicited } from './fake-api';

describe('unsolicited messages slice', () => {
  it('lists messages newest first with their code, meaning and text', () => {
    const { api, backend } = fakeApi();
    const store = createAppStore(api);
    store.getState().applySessionState(activeState());
    startAppStore(store, api);
    backend.emit('link.unsolicited', unsolicited({ code: '$.A', text: '$.A FIRST' }));
    backend.emit('link.unsolicited', unsolicited({ code: '$.1', meaning: 'All files out of service', text: '$.1 NCIC DOWN' }));
    const entries = store.getState().unsolicited.entries;
    expect(entries.map((e) => e.text)).toEqual(['$.1 NCIC DOWN', '$.A FIRST']);
    expect(entries[0]).toMatchObject({ code: '$.1', meaning: 'All files out of service', training: true });
  });

  it('gives identical messages distinct keys', () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    store.getState().applySessionState(activeState());
    store.getState().receiveUnsolicited(unsolicited());
    store.getState().receiveUnsolicited(unsolicited());
    const [a, b] = store.getState().unsolicited.entries;
    expect(a?.seq).not.toBe(b?.seq);
  });

  it(`keeps only the newest ${MAX_UNSOLICITED}`, () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    store.getState().applySessionState(activeState());
    for (let i = 0; i < MAX_UNSOLICITED + 5; i++) store.getState().receiveUnsolicited(unsolicited({ text: `$.A ${i}` }));
    const entries = store.getState().unsolicited.entries;
    expect(entries).toHaveLength(MAX_UNSOLICITED);
    expect(entries[0]?.text).toBe(`$.A ${MAX_UNSOLICITED + 4}`);
  });

  it('drops payloads that are not messages and copies only known fields', () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    store.getState().applySessionState(activeState());
    store.getState().receiveUnsolicited({ code: '$.A' });
    store.getState().receiveUnsolicited('$.A text');
    expect(store.getState().unsolicited.entries).toHaveLength(0);
    store.getState().receiveUnsolicited({ ...unsolicited(), html: '<b>x</b>' });
    expect(Object.keys(store.getState().unsolicited.entries[0] ?? {}).sort()).toEqual(['code', 'meaning', 'receivedAt', 'seq', 'text', 'training']);
  });

  it('takes no message unless a session is active, and drops all of them at the lock', () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    store.getState().receiveUnsolicited(unsolicited({ text: '$.A BEFORE SIGN-ON' }));
    expect(store.getState().unsolicited.entries).toEqual([]);
    store.getState().applySessionState(activeState());
    store.getState().receiveUnsolicited(unsolicited({ text: '$.A SIGNED ON' }));
    expect(store.getState().unsolicited.entries).toHaveLength(1);
    store.getState().applySessionState(lockedState());
    expect(store.getState().unsolicited.entries).toEqual([]);
    store.getState().receiveUnsolicited(unsolicited({ text: '$.A WHILE LOCKED' }));
    expect(store.getState().unsolicited.entries).toEqual([]);
  });

  it('clears every message', () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    store.getState().applySessionState(activeState());
    store.getState().receiveUnsolicited(unsolicited());
    store.getState().clearUnsolicited();
    expect(store.getState().unsolicited.entries).toEqual([]);
  });
});
