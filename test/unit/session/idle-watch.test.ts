// The inactivity timers alone (no store): the idle lock asks the OS before it fires, and an OS answer
// that makes no sense (negative, not a number, a throw) is ignored rather than keeping the screen open.
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../electron/services/clock';
import { createIdleWatch } from '../../../electron/services/session/idle';

const MINUTE = 60_000;

function watch(systemIdleMs: () => number | null) {
  const clock = new ManualClock();
  const onIdle = vi.fn();
  const onNetworkIdle = vi.fn();
  const idle = createIdleWatch({ clock, idle: { systemIdleMs }, networkIdleMs: 60 * MINUTE, onIdle, onNetworkIdle });
  return { clock, idle, onIdle, onNetworkIdle };
}

describe('idle watch', () => {
  it.each([
    ['unknown (null)', () => null],
    ['negative', () => -5],
    ['not a number', () => Number.NaN],
    ['a throw', () => {
      throw new Error('powerMonitor gone');
    }],
  ])('locks on the renderer’s reports alone when the OS answer is %s', (_what, answer) => {
    const { clock, idle, onIdle } = watch(answer);
    idle.activate(10 * MINUTE);
    clock.advance(10 * MINUTE);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('re-arms for the rest of the timeout when the OS saw input later', () => {
    let osLast = 0;
    const { clock, idle, onIdle } = watch(() => clock.now() - osLast);
    idle.activate(10 * MINUTE);
    osLast = clock.now() + 4 * MINUTE;
    clock.advance(10 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    expect(idle.idleLockAt()).toBe(osLast + 10 * MINUTE);
    clock.advance(4 * MINUTE);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('has no idle lock under the exemption, but reports an hour of inactivity once', () => {
    const { clock, idle, onIdle, onNetworkIdle } = watch(() => null);
    idle.activate(null);
    expect(idle.idleLockAt()).toBeNull();
    clock.advance(3 * 60 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    expect(onNetworkIdle).toHaveBeenCalledOnce();
  });

  it('while locked, does not let input in other programs keep the network session up', () => {
    const { clock, idle, onNetworkIdle } = watch(() => 0);
    idle.activate(10 * MINUTE);
    idle.locked();
    clock.advance(60 * MINUTE);
    expect(onNetworkIdle).toHaveBeenCalledOnce();
  });

  it('stops every timer when signed off', () => {
    const { clock, idle } = watch(() => null);
    idle.activate(10 * MINUTE);
    idle.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
