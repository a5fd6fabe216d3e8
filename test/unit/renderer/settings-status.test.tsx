// The damaged-settings notice: read at start, shown on every screen, read again after an administrator's save.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SettingsProblemBanner } from '../../../renderer/src/components/SettingsProblemBanner';
import { createApi } from '../../../shared/contract/client';
import { createAppStore, startAppStore } from '../../../renderer/src/state/store';
import { fakeBackend, manualTimers } from './fake-api';

const PROBLEM = { code: 'SETTINGS_CORRUPT', message: 'The settings file /data/workstation-settings.json could not be read; it was copied aside.' };

describe('the damaged-settings notice', () => {
  it('says nothing when the settings are sound, and names the file and the way back when they are not', () => {
    expect(renderToStaticMarkup(<SettingsProblemBanner problem={null} />)).toBe('');
    const html = renderToStaticMarkup(<SettingsProblemBanner problem={PROBLEM} />);
    expect(html).toContain('running on the strictest defaults');
    expect(html).toContain('/data/workstation-settings.json');
    expect(html).toContain('saving the Workstation settings');
  });

  it('is read when the store starts, and again after settings are saved', async () => {
    const backend = fakeBackend();
    backend.replies.set('settings.status', async () => ({ ok: true, value: { problem: PROBLEM } }));
    const api = createApi(backend.transport) as unknown as Parameters<typeof createAppStore>[0];
    const timers = manualTimers();
    const store = createAppStore(api, { timers });
    const stop = startAppStore(store, api, timers);
    await expect.poll(() => store.getState().settingsStatus.problem).toEqual(PROBLEM);
    backend.replies.set('settings.status', async () => ({ ok: true, value: { problem: null } }));
    store.setState({ settings: { ...store.getState().settings, outcome: { ok: true, message: 'Settings saved for this workstation.', field: null, seq: 1 } } });
    await expect.poll(() => store.getState().settingsStatus.problem).toBeNull();
    expect(backend.count('settings.status')).toBe(2);
    stop();
  });
});
