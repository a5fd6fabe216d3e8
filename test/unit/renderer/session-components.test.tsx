// The sign-on, lock and CJI-view components render their props to accessible markup (no DOM needed).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LockScreen } from '../../../renderer/src/components/LockScreen';
import { CredentialsForm } from '../../../renderer/src/components/logon/CredentialsForm';
import { NoticeScreen } from '../../../renderer/src/components/logon/NoticeScreen';
import { SecondFactorScreen } from '../../../renderer/src/components/logon/SecondFactorScreen';
import { OperatorTable } from '../../../renderer/src/components/roster/OperatorTable';
import { SessionBar } from '../../../renderer/src/components/SessionBar';
import { Watermark, WATERMARK_TILES } from '../../../renderer/src/components/Watermark';
import { describeOperator, viewsFor } from '../../../renderer/src/state/selectors';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import { rosterEntry } from './fake-api';

const noop = () => undefined;

/** The text of the <label for=id> and the attributes of the input with that id. */
function labelled(html: string, label: string): string {
  const forId = new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${label}</label>`).exec(html)?.[1];
  expect(forId, `a label "${label}"`).toBeDefined();
  const input = new RegExp(`<input[^>]*id="${forId}"[^>]*>`).exec(html)?.[0];
  expect(input, `an input for "${label}"`).toBeDefined();
  return input!;
}

describe('sign-on components', () => {
  it('notice: the notice text, one acknowledgement button described by it', () => {
    const html = renderToStaticMarkup(<NoticeScreen notice={SYSTEM_USE_NOTICE} pending={false} error={null} onAcknowledge={noop} />);
    expect(html).toContain(SYSTEM_USE_NOTICE.title);
    for (const p of SYSTEM_USE_NOTICE.paragraphs) expect(html).toContain(p.replaceAll('’', '’'));
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toMatch(/<button[^>]*aria-describedby="notice-text"[^>]*>I acknowledge<\/button>/);
    expect(html).not.toMatch(/<input/);
  });

  it('credentials: fields labelled exactly "Operator ID" and "Password", a password-type secret', () => {
    const html = renderToStaticMarkup(<CredentialsForm pending={false} error={null} onSubmit={noop} onDismissError={noop} />);
    expect(labelled(html, 'Operator ID')).toMatch(/type="text"/);
    const password = labelled(html, 'Password');
    expect(password).toMatch(/type="password"/);
    expect(password).toMatch(/autoComplete="off"/);
    expect(html).toContain('role="alert"');
  });

  it('credentials: a refusal is shown in the alert and marks its field', () => {
    const html = renderToStaticMarkup(
      <CredentialsForm pending={false} error={{ field: 'password', seq: 1, message: 'Operator ID or password is not correct.' }} onSubmit={noop} onDismissError={noop} />,
    );
    expect(html).toMatch(/role="alert"[^>]*>.*Operator ID or password is not correct\./);
    expect(labelled(html, 'Password')).toMatch(/aria-invalid="true"/);
    expect(labelled(html, 'Password')).toMatch(/aria-describedby="credentials-error"/);
    expect(labelled(html, 'Operator ID')).not.toMatch(/aria-invalid/);
  });

  it('badge step: "Badge" and "PIN", the PIN a numeric password field', () => {
    const html = renderToStaticMarkup(<SecondFactorScreen operatorId="TDISP01" pending={false} error={null} onSubmit={noop} onDismissError={noop} onStartOver={noop} />);
    expect(labelled(html, 'Badge')).toMatch(/type="text"/);
    const pin = labelled(html, 'PIN');
    expect(pin).toMatch(/type="password"/);
    expect(pin).toMatch(/inputMode="numeric"/);
    expect(html).toContain('TDISP01');
  });
});

describe('LockScreen', () => {
  const lock = { operatorId: 'TDISP01', reason: 'Locked because there was no keyboard or mouse activity for 10 minutes.', sinceTime: '12:10:00', sinceDay: 'Mon, 23 Nov 2026', sinceIso: '2026-11-23T20:10:00.000Z' };

  it('says why and since when, shows the operator ID and the unlock fields', () => {
    const html = renderToStaticMarkup(<LockScreen lock={lock} pending={false} error={null} onSubmit={noop} onDismissError={noop} onSignOff={noop} />);
    expect(html).toContain('Workstation locked');
    expect(html).toContain(lock.reason);
    expect(html).toContain('<time dateTime="2026-11-23T20:10:00.000Z">12:10:00 on Mon, 23 Nov 2026</time>');
    expect(html).toContain('TDISP01');
    labelled(html, 'Badge');
    labelled(html, 'PIN');
    expect(html).toMatch(/>Unlock</);
    expect(html).toMatch(/>Sign off</);
  });

  it('shows nothing but a blank card while the lock is confirmed', () => {
    const html = renderToStaticMarkup(<LockScreen lock={null} pending={false} error={null} onSubmit={noop} onDismissError={noop} onSignOff={noop} />);
    expect(html).toContain('Locking…');
    expect(html).not.toMatch(/<input/);
  });
});

describe('Watermark', () => {
  const html = renderToStaticMarkup(
    <Watermark operatorId="TDISP01" workstationId="WS-TRAIN-01" now={Date.UTC(2026, 10, 23, 20, 10)} onCopyText={noop}>
      <p>record</p>
    </Watermark>,
  );

  it('repeats operator, workstation and time in an overlay hidden from assistive technology', () => {
    expect(html).toMatch(/<div class="watermark__overlay" aria-hidden="true">/);
    const tiles = html.match(/<span class="watermark__tile">TDISP01 · WS-TRAIN-01 · 23 Nov 2026 \d\d:\d\d<\/span>/g);
    expect(tiles).toHaveLength(WATERMARK_TILES);
    expect(html).toContain('<p>record</p>');
    expect(html).toContain('data-cji="true"');
  });
});

describe('roster and session bar', () => {
  it('lists operators with flags in words and a Manage button named for each', () => {
    const rows = [rosterEntry(), rosterEntry({ id: 'TREC01', certifiedUntil: '2020-01-01', locked: true, lockedReason: null })].map((e) => describeOperator(e, '2026-11-23'));
    const html = renderToStaticMarkup(<OperatorTable rows={rows} selectedId={null} onManage={noop} />);
    expect(html).toMatch(/<th scope="col">Certified until<\/th>/);
    expect(html).toContain('Lapsed');
    expect(html).toContain('Locked');
    expect(html).toMatch(/Manage<span class="visually-hidden"> TREC01<\/span>/);
  });

  it('shows the operator ID and name, Lock with its shortcut, and Sign off', () => {
    const html = renderToStaticMarkup(
      <SessionBar operator={{ id: 'TCRSO01', name: 'Casey Lund (training)', roles: 'CRSO' }} tabs={viewsFor(['crso'])} view="operators" onShowView={noop} onLock={noop} onSignOff={noop} />,
    );
    expect(html).toContain('TCRSO01');
    expect(html).toContain('Casey Lund (training)');
    expect(html).toMatch(/aria-keyshortcuts="Control\+L"/);
    expect(html).toMatch(/aria-current="page"[^>]*>Operators</);
    expect(html).toMatch(/>Sign off</);
  });
});
