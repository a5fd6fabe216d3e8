// Workstation settings (administrator): idle lock, the two exemptions, the failed-logon lockout rule and
// the agency's inquiry rules. Exemptions and looser inquiry rules weaken a protection, so the screen says
// plainly that they are recorded and why.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { WorkstationSettings } from '../../../../shared/contract/session-schemas';
import { FormAlert, StatusLine } from '../FormAlert';
import { InquiryRulesSection, type InquiryRulesDraft } from './InquiryRulesSection';

export interface SettingsScreenProps {
  value: WorkstationSettings | null;
  loading: boolean;
  loadError: string | null;
  outcome: { ok: boolean; message: string; field: string | null; seq: number } | null;
  onSave(next: WorkstationSettings): Promise<boolean>;
}

type Exemption = WorkstationSettings['dispatchIdleExemption'];

/** One exemption: its switch, what it is for, and the justification it needs. */
function ExemptionSection(props: {
  id: string;
  title: string;
  checkLabel: string;
  hint: string;
  justificationLabel: string;
  field: string;
  value: Exemption;
  onChange(next: Exemption): void;
  invalid: true | undefined;
}) {
  const { id, value, onChange } = props;
  return (
    <section className="settings-group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="settings-group__title">
        {props.title}
      </h3>
      <label className="check">
        <input type="checkbox" checked={value.enabled} onChange={(e) => onChange({ ...value, enabled: e.target.checked })} />
        {props.checkLabel}
      </label>
      <p className="field__hint">{props.hint}</p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-justification`}>
          {props.justificationLabel}
        </label>
        <textarea
          id={`${id}-justification`}
          data-field={props.field}
          className="field__input field__textarea"
          rows={2}
          maxLength={500}
          value={value.justification}
          onChange={(e) => onChange({ ...value, justification: e.target.value })}
          aria-invalid={props.invalid}
        />
      </div>
    </section>
  );
}

function SettingsForm({ value, outcome, onSave }: { value: WorkstationSettings; outcome: SettingsScreenProps['outcome']; onSave: SettingsScreenProps['onSave'] }) {
  const [idle, setIdle] = useState(String(value.idleTimeoutMinutes));
  const [dispatch, setDispatch] = useState(value.dispatchIdleExemption);
  const [access, setAccess] = useState(value.accessibilityCaptureExemption);
  const [rule, setRule] = useState(value.lockoutRule);
  const rowKeys = useRef(0);
  const nextKey = () => (rowKeys.current += 1);
  const [rules, setRules] = useState<InquiryRulesDraft>(() => ({
    formats: value.inquiryPolicy.referenceFormats.map((f) => ({ key: nextKey(), label: f.label, mask: f.mask })),
    dmvReferenceRequired: value.inquiryPolicy.dmvReferenceRequired,
    confidentialAddressRoles: [...value.inquiryPolicy.confidentialAddressRoles],
    justification: value.inquiryPolicyJustification,
  }));
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (outcome === null || outcome.ok || outcome.field === null) return;
    form.current?.querySelector<HTMLElement>(`[data-field="${outcome.field}"]`)?.focus();
  }, [outcome]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void onSave({
      idleTimeoutMinutes: Number(idle),
      dispatchIdleExemption: dispatch,
      accessibilityCaptureExemption: access,
      lockoutRule: rule,
      inquiryPolicy: {
        referenceFormats: rules.formats.map((f) => ({ label: f.label, mask: f.mask })),
        dmvReferenceRequired: rules.dmvReferenceRequired,
        confidentialAddressRoles: rules.confidentialAddressRoles,
      },
      inquiryPolicyJustification: rules.justification,
    });
  }

  const invalid = (f: string) => (outcome !== null && !outcome.ok && outcome.field === f) || undefined;

  return (
    <form ref={form} className="settings-form" onSubmit={submit} noValidate aria-labelledby="settings-heading">
      <div className="callout callout--warning" role="note">
        <strong>Exemptions are recorded.</strong> Turning an exemption on or off, or changing an inquiry rule, is written to the audit trail with your
        operator ID and the time, and is reviewed; your justification is kept with the workstation settings. Use an exemption or a looser inquiry rule only
        where agency policy allows it.
      </div>

      <section className="settings-group" aria-labelledby="idle-title">
        <h3 id="idle-title" className="settings-group__title">
          Idle lock
        </h3>
        <div className="field field--narrow">
          <label className="field__label" htmlFor="idle-minutes">
            Lock after this many minutes without input
          </label>
          <input
            id="idle-minutes"
            data-field="idleTimeoutMinutes"
            className="field__input field__input--mono"
            type="number"
            min={1}
            max={30}
            step={1}
            value={idle}
            onChange={(e) => setIdle(e.target.value)}
            aria-describedby="idle-hint"
            aria-invalid={invalid('idleTimeoutMinutes')}
          />
          <p id="idle-hint" className="field__hint">
            1 to 30 minutes (CJIS AC-11: at most 30).
          </p>
        </div>
      </section>

      <ExemptionSection
        id="dispatch"
        title="Dispatch idle exemption"
        checkLabel="Exempt this workstation from the idle lock"
        hint="Only for a dispatch workstation inside a physically secure location. Never the default."
        justificationLabel="Justification for the dispatch exemption"
        field="dispatchJustification"
        value={dispatch}
        onChange={setDispatch}
        invalid={invalid('dispatchJustification')}
      />

      <ExemptionSection
        id="access"
        title="Accessibility capture exemption"
        checkLabel="Allow screen capture on this workstation (screen reader in use)"
        hint="Screen capture protection can stop some screen readers. Turn it off only for an operator who needs one."
        justificationLabel="Justification for the accessibility exemption"
        field="accessibilityJustification"
        value={access}
        onChange={setAccess}
        invalid={invalid('accessibilityJustification')}
      />

      <fieldset className="settings-group fieldset">
        <legend className="settings-group__title">Failed sign-on lockout</legend>
        <label className="check check--block">
          <input type="radio" name="lockout" value="cjis-5.9.4" checked={rule === 'cjis-5.9.4'} onChange={() => setRule('cjis-5.9.4')} />
          <span>
            <strong>CJIS 5.9.4 (default)</strong> — 5 failures within 15 minutes lock the account until a CRSO releases it.
          </span>
        </label>
        <label className="check check--block">
          <input type="radio" name="lockout" value="cjis-5.8" checked={rule === 'cjis-5.8'} onChange={() => setRule('cjis-5.8')} />
          <span>
            <strong>CJIS 5.8</strong> — 5 failures lock the account for 10 minutes.
          </span>
        </label>
      </fieldset>

      <InquiryRulesSection value={rules} onChange={setRules} nextKey={nextKey} invalid={invalid} />

      <FormAlert id="settings-error" message={outcome !== null && !outcome.ok ? outcome.message : null} />
      {outcome?.ok ? <StatusLine message={outcome.message} /> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Save settings
        </button>
      </div>
    </form>
  );
}

export function SettingsScreen({ value, loading, loadError, outcome, onSave }: SettingsScreenProps) {
  return (
    <main id="main" className="panel settings" aria-labelledby="settings-heading" tabIndex={-1}>
      <div className="panel__head">
        <h2 id="settings-heading" className="panel__title">
          Workstation settings
        </h2>
      </div>
      <div className="settings__body">
        <FormAlert id="settings-load-error" message={loadError} />
        {value === null ? <p className="panel__empty">{loading ? 'Reading the settings…' : 'The settings have not been read.'}</p> : <SettingsForm value={value} outcome={outcome} onSave={onSave} />}
      </div>
    </main>
  );
}
