// The guarded clipboard (L11): our text is cleared after 30 seconds if unchanged, and at lock and logout;
// whatever the operator copied since from elsewhere is left alone.
import { describe, expect, it } from 'vitest';
import { createClipboardGuard } from '../../../electron/services/clipboard';
import { ManualClock } from '../../../electron/services/clock';
import { memoryClipboard } from '../../../electron/services/platform';

function setup() {
  const clock = new ManualClock();
  const port = memoryClipboard();
  const guard = createClipboardGuard({ port, clock });
  return { clock, port, guard };
}

describe('clipboard guard', () => {
  it('writes the text and clears it after 30 seconds', async () => {
    const { clock, port, guard } = setup();
    expect(guard.copy('NAM/DOE,JOHN DOB/19800101')).toEqual({ clearsAt: clock.now() + 30_000 });
    await guard.settled();
    expect(port.peek()).toBe('NAM/DOE,JOHN DOB/19800101');
    clock.advance(29_999);
    await guard.settled();
    expect(port.peek()).toBe('NAM/DOE,JOHN DOB/19800101');
    clock.advance(1);
    await guard.settled();
    expect(port.peek()).toBe('');
    expect(clock.pendingTimers).toBe(0);
  });

  it('leaves the clipboard alone when it holds something else by then', async () => {
    const { clock, port, guard } = setup();
    guard.copy('LIC/7ABC123');
    await guard.settled();
    port.writeText('meeting at 3');
    clock.advance(30_000);
    await guard.settled();
    expect(port.peek()).toBe('meeting at 3');
  });

  it('starts the 30 seconds again for a new copy, and clears only the newest', async () => {
    const { clock, port, guard } = setup();
    guard.copy('first');
    clock.advance(20_000);
    guard.copy('second');
    clock.advance(20_000);
    await guard.settled();
    expect(port.peek()).toBe('second');
    clock.advance(10_000);
    await guard.settled();
    expect(port.peek()).toBe('');
  });

  it('clears at once at lock and logout, only if it still holds our text', async () => {
    const { clock, port, guard } = setup();
    guard.copy('OLN/D1234567');
    await guard.clearNow();
    expect(port.peek()).toBe('');
    expect(clock.pendingTimers).toBe(0);

    guard.copy('OLN/D1234567');
    await guard.settled();
    port.writeText('the operator’s own note');
    await guard.clearNow();
    expect(port.peek()).toBe('the operator’s own note');
  });

  it('a clear asked for right after a copy still clears that copy (operations run in order)', async () => {
    const { port, guard } = setup();
    guard.copy('LIC/7ABC123');
    const cleared = guard.clearNow();
    await cleared;
    expect(port.peek()).toBe('');
  });

  it('does nothing when it never copied, and never throws when the OS clipboard fails', async () => {
    const { port, guard } = setup();
    port.writeText('not ours');
    await guard.clearNow();
    expect(port.peek()).toBe('not ours');

    const clock = new ManualClock();
    const broken = createClipboardGuard({
      clock,
      port: { readText: () => { throw new Error('no clipboard'); }, writeText: () => undefined, clear: () => undefined },
    });
    broken.copy('x');
    await expect(broken.clearNow()).resolves.toBeUndefined();
  });
});
