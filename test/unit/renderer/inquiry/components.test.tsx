// The inquiry components render labelled controls with their problems tied to them, the shortcut
// beside each form's name, and a failed inquiry's reason in plain words.
import { createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE_FORMATS, FORM_KINDS, NAME_IS_NOT_ENOUGH } from '../../../../shared/policy/inquiry-policy';
import { emptyValues } from '../../../../renderer/src/components/inquiry/form-model';
import { InquiryForm } from '../../../../renderer/src/components/inquiry/InquiryForm';
import { InquiryWorkspace } from '../../../../renderer/src/components/inquiry/InquiryWorkspace';
import { ReturnPanel } from '../../../../renderer/src/components/inquiry/ReturnPanel';
import { SupervisionScreen } from '../../../../renderer/src/components/inquiry/SupervisionScreen';
import { EMPTY_INQUIRY } from '../../../../renderer/src/state/inquiry';

const POLICY = { kinds: [...FORM_KINDS], referenceFormats: DEFAULT_REFERENCE_FORMATS.map((f) => ({ ...f })), dmvReferenceRequired: true, ori: 'CA0349999' };
const noop = () => undefined;

describe('inquiry components', () => {
  it('labels every control and ties a problem to its field', () => {
    const html = renderToStaticMarkup(
      <InquiryForm
        kind="ca_history_cii"
        policy={POLICY}
        operatorId="TREC01"
        values={emptyValues('ca_history_cii')}
        onChange={noop}
        shown={{ reference: `Enter the right to know. ${NAME_IS_NOT_ENOUGH}` }}
        summary={[{ control: 'reference', message: 'Enter the right to know.' }]}
        refusal="Refused by the main process. (REFERENCE_NOT_A_NUMBER)"
        sending={false}
        firstFieldRef={createRef()}
        onSubmit={noop}
        onClear={noop}
        onFocusControl={noop}
      />,
    );
    for (const id of ['cii', 'purpose', 'requestPurpose', 'reference', 'requestor', 'jurisdiction']) {
      expect(html).toContain(`for="inq-ca_history_cii-${id}"`);
      expect(html).toContain(`id="inq-ca_history_cii-${id}"`);
    }
    expect(html).toMatch(/id="inq-ca_history_cii-reference"[^>]*aria-invalid="true"[^>]*aria-describedby="inq-ca_history_cii-reference-hint inq-ca_history_cii-reference-error"/);
    expect(html).toContain('Simply putting your name is not enough');
    expect(html).toContain('Not sent: one thing needs correcting.');
    expect(html).toContain('(REFERENCE_NOT_A_NUMBER)');
    expect(html).not.toContain('value="R"');
    expect(html).toContain('<kbd class="inq-kbd">F9</kbd>');
  });

  it('shows each allowed form with its shortcut, and only those', () => {
    const html = renderToStaticMarkup(
      <InquiryWorkspace
        operatorId="TDISP01"
        policy={{ ...POLICY, kinds: ['wanted_person', 'stolen_vehicle', 'nlets_registration'] }}
        data={{ ...EMPTY_INQUIRY, list: [], confirmations: [] }}
        now={Date.UTC(2026, 10, 23, 12)}
        onSend={async () => true}
        onRequestRecord={noop}
        onOpen={noop}
        onConfirmHit={async () => true}
        onDismissRefusal={noop}
        onPendingFormOpened={noop}
      />,
    );
    expect(html).toContain('aria-label="Inquiry forms"');
    expect(html).toContain('Wanted persons</span><kbd class="inq-kbd">F2</kbd>');
    expect(html).toContain('Shift+F5');
    expect(html).not.toContain('California criminal history');
    expect(html).toContain('No inquiries yet in this session.');
  });

  it('says plainly why a failed inquiry has no answer', () => {
    const html = renderToStaticMarkup(
      <ReturnPanel
        result={{
          ref: 'TRN1-20261123120000-0001-ABCD',
          kind: 'wanted_person',
          messageKey: 'IW.QW',
          subject: 'DOE, JOHN · M',
          sentAt: '2026-11-23T12:00:00.000Z',
          repliedAt: null,
          status: 'failed',
          replyKind: null,
          needToKnow: { requestPurpose: 'C', reference: '', jurisdiction: 'local' },
          reply: null,
          error: { code: 'INQUIRY_TIMEOUT', message: 'The switch did not answer within 60 seconds.' },
        }}
        headingRef={createRef()}
        onRequestRecord={noop}
        onConfirmHit={async () => true}
        confirming={false}
        confirmRefusal={null}
      />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('The switch did not answer within 60 seconds. (INQUIRY_TIMEOUT)');
    expect(html).toContain('tabindex="-1"');
  });

  it('lists overdue confirmations for supervisors with a refresh', () => {
    const html = renderToStaticMarkup(<SupervisionScreen rows={[]} loading={false} loadError={null} onRefresh={noop} />);
    expect(html).toContain('Supervision: overdue hit confirmations');
    expect(html).toContain('No overdue hit confirmation requests in the agency.');
    expect(html).toContain('>Refresh<');
  });
});
