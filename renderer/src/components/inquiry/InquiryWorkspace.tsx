// The inquiry workspace: the form menu (with each form's function key), the form, the return on
// screen, this session's inquiries and this operator's hit confirmations. Keyboard first: F2–F9 and
// Shift+F2–F7 open a form with the cursor in its first field, Enter sends, Esc clears, and the
// cursor goes to the return's heading when it arrives. The renderer refuses early what it can see
// is wrong (the codec and the need-to-know rules); the main process decides again and its refusal
// is shown as given.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CandidateRecordKey, PriorityCode, RequestNumber } from '../../../../shared/codec';
import type { InquiryPolicyView, InquiryRequest, InquiryResult } from '../../../../shared/contract/inquiry-channels';
import { FORM_KINDS, FORM_SHORTCUTS, FORM_TITLES, isOutOfStateKind, type FormKind } from '../../../../shared/policy/inquiry-policy';
import type { InquiryData } from '../../state/inquiry';
import { describeConfirmation, describeInquiry } from './describe';
import { checkForm, emptyValues, kindForKey, problemsByControl, requestOf, type ControlName, type FormProblem, type FormValues } from './form-model';
import { controlId, InquiryForm } from './InquiryForm';
import { ReturnPanel } from './ReturnPanel';
import { HitConfirmations, SessionInquiries } from './SessionLists';

export interface InquiryWorkspaceProps {
  operatorId: string;
  policy: InquiryPolicyView;
  data: InquiryData;
  now: number;
  onSend(request: InquiryRequest): Promise<boolean>;
  onRequestRecord(key: CandidateRecordKey): void;
  onOpen(ref: string): void;
  onConfirmHit(recordIndex: number, priority: PriorityCode, requestNumber: RequestNumber): Promise<boolean>;
  onDismissRefusal(): void;
  /** The pending form (asked for from another screen) was opened. */
  onPendingFormOpened(): void;
  /** Other features' actions on the return on screen (the container wires them; e.g. preparing a release). */
  returnActions?: (result: InquiryResult) => ReactNode;
}

function refusalText(outcome: InquiryData['refusal']): string | null {
  if (outcome === null || outcome.ok) return null;
  return outcome.code ? `${outcome.message} (${outcome.code})` : outcome.message;
}

export function InquiryWorkspace(p: InquiryWorkspaceProps) {
  const kinds = useMemo(() => FORM_KINDS.filter((k) => p.policy.kinds.includes(k)), [p.policy.kinds]);
  const [kind, setKind] = useState<FormKind | null>(kinds[0] ?? null);
  const [values, setValues] = useState<FormValues>(() => emptyValues(kinds[0] ?? 'wanted_person'));
  const [summary, setSummary] = useState<FormProblem[] | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [focusSeq, setFocusSeq] = useState(0);
  const firstField = useRef<HTMLInputElement>(null);
  const returnHeading = useRef<HTMLHeadingElement>(null);
  const active = kind !== null && kinds.includes(kind) ? kind : (kinds[0] ?? null);

  const problems = useMemo(
    () => (active === null ? [] : checkForm(active, values, p.policy, p.operatorId, new Date(p.now))),
    [active, values, p.policy, p.operatorId, p.now],
  );
  const shown = attempted ? problemsByControl(problems) : {};

  const openRef = useRef<(next: FormKind) => void>(() => undefined);
  openRef.current = open;

  function open(next: FormKind) {
    setKind(next);
    // The need to know stays for the next form of the same call; the subject does not.
    setValues((v) => ({ ...emptyValues(next), ntk: { ...v.ntk, jurisdiction: isOutOfStateKind(next) ? 'out-of-state' : v.ntk.jurisdiction === 'out-of-state' ? 'local' : v.ntk.jurisdiction } }));
    setSummary(null);
    setAttempted(false);
    p.onDismissRefusal();
    setFocusSeq((n) => n + 1);
  }

  function clear() {
    if (active === null) return;
    setValues(emptyValues(active));
    setSummary(null);
    setAttempted(false);
    p.onDismissRefusal();
    setFocusSeq((n) => n + 1);
  }

  function focusControl(control: ControlName) {
    if (active === null) return;
    document.getElementById(controlId(active, control))?.focus();
  }

  function submit() {
    if (active === null || p.data.sending) return;
    setAttempted(true);
    if (problems.length > 0) {
      setSummary(problems);
      const first = problems.find((x) => x.control !== 'form');
      if (first) focusControl(first.control);
      return;
    }
    setSummary(null);
    void p.onSend(requestOf(active, values, p.operatorId));
  }

  // A function key pressed on another screen brought the operator here: open that form.
  const pending = p.data.pendingForm;
  useEffect(() => {
    if (pending === null) return;
    if (kinds.includes(pending)) openRef.current(pending);
    p.onPendingFormOpened();
  }, [pending]);

  // The cursor goes to the first field of a form opened (or cleared).
  useEffect(() => {
    if (focusSeq > 0) firstField.current?.focus();
  }, [focusSeq]);

  // A new return: its heading takes the cursor, so a screen reader announces it.
  useEffect(() => {
    const heading = returnHeading.current;
    if (p.data.currentSeq === 0 || heading === null) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView?.({ block: 'start' });
  }, [p.data.currentSeq]);

  // Function keys work wherever the cursor is (F5 would otherwise reload the page).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || !/^F[2-9]$/.test(event.key)) return;
      const isShortcut = FORM_KINDS.some((k) => FORM_SHORTCUTS[k].key === event.key && FORM_SHORTCUTS[k].shift === event.shiftKey);
      if (!isShortcut) return;
      event.preventDefault();
      const next = kindForKey(event.key, event.shiftKey, kinds);
      if (next !== null) openRef.current(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [kinds]);

  const lines = useMemo(() => p.data.list?.map(describeInquiry) ?? null, [p.data.list]);
  const rows = useMemo(() => p.data.confirmations?.map((c) => describeConfirmation(c, p.now)) ?? null, [p.data.confirmations, p.now]);
  const confirmOutcome = p.data.confirmOutcome;

  if (active === null) return <p className="workspace__note">Your roles open no inquiry forms.</p>;

  return (
    <div className="inq">
      <div className="inq__rail">
        <HitConfirmations rows={rows} error={p.data.confirmationsError?.message ?? null} outcome={confirmOutcome?.ok ? confirmOutcome.message : null} />
        <nav className="inq__menu" aria-label="Inquiry forms">
          <ul className="inq-menu">
            {kinds.map((k) => (
              <li key={k}>
                <button
                  type="button"
                  className={k === active ? 'inq-menu__item inq-menu__item--current' : 'inq-menu__item'}
                  aria-current={k === active ? 'true' : undefined}
                  aria-keyshortcuts={FORM_SHORTCUTS[k].label}
                  onClick={() => open(k)}
                >
                  <span className="inq-menu__title">{FORM_TITLES[k]}</span>
                  <kbd className="inq-kbd">{FORM_SHORTCUTS[k].label}</kbd>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="inq__side">
          <SessionInquiries lines={lines} currentRef={p.data.current?.ref ?? null} error={p.data.listError?.message ?? null} onOpen={p.onOpen} />
        </div>
      </div>
      <div className="inq__main">
        <InquiryForm
          key={active}
          kind={active}
          policy={p.policy}
          operatorId={p.operatorId}
          values={values}
          onChange={(v) => {
            setValues(v);
            if (summary !== null) setSummary(null);
          }}
          shown={shown}
          summary={summary}
          refusal={refusalText(p.data.refusal)}
          sending={p.data.sending}
          firstFieldRef={firstField}
          onSubmit={submit}
          onClear={clear}
          onFocusControl={focusControl}
        />
        {p.data.current !== null ? (
          <ReturnPanel
            result={p.data.current}
            headingRef={returnHeading}
            onRequestRecord={p.onRequestRecord}
            onConfirmHit={p.onConfirmHit}
            confirming={p.data.confirming}
            confirmRefusal={confirmOutcome && !confirmOutcome.ok ? (confirmOutcome.code ? `${confirmOutcome.message} (${confirmOutcome.code})` : confirmOutcome.message) : null}
            actions={p.returnActions?.(p.data.current)}
          />
        ) : null}
      </div>
    </div>
  );
}
