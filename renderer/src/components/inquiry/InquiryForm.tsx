// One inquiry form: the subject fields of its kind (from the codec's table), then the need to know.
// Enter anywhere sends, Esc clears; every control has a label and its problem next to it.
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import type { InquiryPolicyView } from '../../../../shared/contract/inquiry-channels';
import {
  FORM_TITLES,
  hasOtherRequestor,
  isHistoryKind,
  JURISDICTION_LABELS,
  JURISDICTIONS,
  referenceRequired,
  type FormKind,
} from '../../../../shared/policy/inquiry-policy';
import { FormAlert } from '../FormAlert';
import { errorIdOf, InqCheckbox, InqSelect, InqText } from './controls';
import {
  CA_PURPOSE_OPTIONS,
  FIELD_META,
  formFields,
  hasDestinations,
  jurisdictionFixed,
  policyOf,
  PURPOSE_OPTIONS,
  referenceHint,
  shortcutOf,
  type ControlName,
  type FormProblem,
  type FormValues,
  type NeedToKnowValues,
} from './form-model';

export interface InquiryFormProps {
  kind: FormKind;
  policy: InquiryPolicyView;
  operatorId: string;
  values: FormValues;
  onChange(values: FormValues): void;
  /** Problems to show now (after a send was tried, or for fields already typed in). */
  shown: Partial<Record<ControlName, string>>;
  /** The error summary after a refused send; null when there is none. */
  summary: readonly FormProblem[] | null;
  /** The main process's refusal of the last send (message with its code). */
  refusal: string | null;
  sending: boolean;
  firstFieldRef: Ref<HTMLInputElement>;
  onSubmit(): void;
  onClear(): void;
  onFocusControl(control: ControlName): void;
}

export const controlId = (kind: FormKind, control: ControlName): string => `inq-${kind}-${control}`;

export function InquiryForm(p: InquiryFormProps) {
  const { kind, values } = p;
  const fields = formFields(kind);
  const id = (c: ControlName) => controlId(kind, c);
  const setField = (name: string, v: string) => p.onChange({ ...values, fields: { ...values.fields, [name]: v } });
  const setNtk = (patch: Partial<NeedToKnowValues>) => p.onChange({ ...values, ntk: { ...values.ntk, ...patch } });
  const history = isHistoryKind(kind);
  const refRequired = referenceRequired(kind, policyOf(p.policy));
  const other = hasOtherRequestor({ requestor: values.ntk.requestor }, p.operatorId);
  const fixed = jurisdictionFixed(kind);
  const headingId = `inq-form-${kind}-heading`;

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      event.preventDefault();
      p.onClear();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.altKey && (target.tagName === 'INPUT' || target.tagName === 'SELECT')) {
      event.preventDefault();
      p.onSubmit();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    p.onSubmit();
  }

  return (
    <section className="inq-form" aria-labelledby={headingId}>
      <h3 id={headingId} className="inq-form__title">
        {FORM_TITLES[kind]} <kbd className="inq-kbd">{shortcutOf(kind)}</kbd>
      </h3>
      <form className="inq-form__form" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} aria-labelledby={headingId}>
        {p.summary && p.summary.length > 0 ? (
          <div className="inq-summary" role="alert" aria-labelledby={`${headingId}-summary`}>
            <p id={`${headingId}-summary`} className="inq-summary__title">
              Not sent: {p.summary.length === 1 ? 'one thing needs' : `${p.summary.length} things need`} correcting.
            </p>
            <ul className="inq-summary__list">
              {p.summary.map((problem, i) => (
                <li key={i}>
                  <button type="button" className="inq-summary__link" onClick={() => p.onFocusControl(problem.control)}>
                    {problem.message}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <fieldset className="fieldset inq-fieldset">
          <legend className="inq-legend">Subject</legend>
          <div className="inq-grid">
            {hasDestinations(kind) ? (
              <InqText
                id={id('destinations')}
                label="Destination states"
                hint="1 to 5 two-letter codes separated by spaces (for example NV AZ)"
                value={values.destinations}
                onChange={(v) => p.onChange({ ...values, destinations: v })}
                maxLength={20}
                mono
                required
                error={p.shown.destinations}
                inputRef={p.firstFieldRef}
              />
            ) : null}
            {fields.map((f, i) => {
              const meta = FIELD_META[f.name];
              return (
                <InqText
                  key={f.name}
                  id={id(f.name)}
                  label={meta.label}
                  hint={meta.hint}
                  value={values.fields[f.name] ?? ''}
                  onChange={(v) => setField(f.name, v)}
                  maxLength={meta.maxLength}
                  mono={meta.mono === true}
                  required={f.required}
                  error={p.shown[f.name]}
                  {...(i === 0 && !hasDestinations(kind) ? { inputRef: p.firstFieldRef } : {})}
                />
              );
            })}
          </div>
        </fieldset>
        <fieldset className="fieldset inq-fieldset">
          <legend className="inq-legend">Need to know</legend>
          <div className="inq-grid">
            {history ? (
              <InqSelect
                id={id('purpose')}
                label="Purpose code"
                value={values.ntk.purpose}
                onChange={(v) => setNtk({ purpose: v })}
                options={[{ value: '', label: 'Choose the purpose…' }, ...PURPOSE_OPTIONS.map((o) => ({ value: o.code, label: o.label }))]}
                required
                error={p.shown.purpose}
              />
            ) : null}
            <InqSelect
              id={id('requestPurpose')}
              label="California request purpose"
              value={values.ntk.requestPurpose}
              onChange={(v) => setNtk({ requestPurpose: v })}
              options={CA_PURPOSE_OPTIONS.map((o) => ({ value: o.code, label: o.label }))}
              error={p.shown.requestPurpose}
            />
            <InqText
              id={id('reference')}
              label="Right-to-know reference"
              hint={referenceHint(kind, p.policy)}
              value={values.ntk.reference}
              onChange={(v) => setNtk({ reference: v })}
              maxLength={40}
              mono
              required={refRequired}
              error={p.shown.reference}
              className="inq-field--wide"
            />
            <InqText
              id={id('requestor')}
              label="Requestor, when not you (operator ID)"
              hint="Leave empty when the inquiry is your own."
              value={values.ntk.requestor}
              onChange={(v) => setNtk({ requestor: v, requestorVerified: false })}
              maxLength={12}
              mono
              error={p.shown.requestor}
            />
            {other ? (
              <InqCheckbox
                id={id('requestorVerified')}
                label="I verified this employee's right to know and need to know"
                checked={values.ntk.requestorVerified}
                onChange={(v) => setNtk({ requestorVerified: v })}
                error={p.shown.requestorVerified}
              />
            ) : null}
            <InqSelect
              id={id('jurisdiction')}
              label="Jurisdiction of the subject"
              value={fixed ? 'out-of-state' : values.ntk.jurisdiction}
              onChange={(v) => setNtk({ jurisdiction: v as NeedToKnowValues['jurisdiction'] })}
              options={JURISDICTIONS.map((j) => ({ value: j, label: JURISDICTION_LABELS[j] }))}
              disabled={fixed}
              hint={fixed ? 'An Nlets inquiry always asks another state.' : undefined}
              error={p.shown.jurisdiction}
            />
            {fixed || values.ntk.jurisdiction !== 'local' ? (
              <InqText
                id={id('agencyAction')}
                label="Agency action this inquiry serves"
                hint="Required out of county or out of state (for example warrant service for case 24-001234)."
                value={values.ntk.agencyAction}
                onChange={(v) => setNtk({ agencyAction: v })}
                maxLength={200}
                required
                error={p.shown.agencyAction}
                className="inq-field--wide"
              />
            ) : null}
          </div>
          {p.shown.form ? (
            <p id={errorIdOf(id('form'))} className="inq-field__error">
              {p.shown.form}
            </p>
          ) : null}
        </fieldset>
        <FormAlert id={`${headingId}-refusal`} message={p.refusal} />
        <div className="inq-form__actions">
          <button type="submit" className="button button--primary" aria-disabled={p.sending ? true : undefined} aria-keyshortcuts="Enter">
            {p.sending ? 'Sending…' : 'Send'} <kbd aria-hidden="true">Enter</kbd>
          </button>
          <button type="button" className="button button--quiet" onClick={p.onClear} aria-keyshortcuts="Escape">
            Clear <kbd aria-hidden="true">Esc</kbd>
          </button>
        </div>
      </form>
    </section>
  );
}
