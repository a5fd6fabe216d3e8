// The agency's inquiry rules (issue #5), a section of the settings form: the right-to-know reference
// formats (label + mask rows, with a live example of each mask), whether DMV inquiries need a reference,
// and the roles that may see a VC 1808.4 confidential address. Loosening a rule needs a justification.
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/contract/roles';
import { REFERENCE_MASK_PATTERN, exampleOf } from '../../../../shared/policy/inquiry-policy';

export const MAX_FORMATS = 10;

/** One format row as typed; `key` keeps React's rows stable while rows are added and removed. */
export interface FormatDraft {
  key: number;
  label: string;
  mask: string;
}

export interface InquiryRulesDraft {
  formats: FormatDraft[];
  dmvReferenceRequired: boolean;
  confidentialAddressRoles: Role[];
  justification: string;
}

export interface InquiryRulesSectionProps {
  value: InquiryRulesDraft;
  onChange(next: InquiryRulesDraft): void;
  /** A new row's key (the form counts them). */
  nextKey(): number;
  invalid(field: string): true | undefined;
}

/** What the example line under a mask says: an example, or why there is none yet. */
export function maskExample(mask: string): string {
  const m = mask.trim().toUpperCase();
  if (m === '') return 'Type a mask to see an example.';
  if (!REFERENCE_MASK_PATTERN.test(m)) return 'Not a mask yet: 3 to 17 of 9, A, #, other capital letters, - and space.';
  if (!m.includes('9')) return 'A mask needs at least one 9: a reference is a number, not a name.';
  return `Example: ${exampleOf(m)}`;
}

/** Looser than the defaults: a justification is needed. */
function loosened(value: InquiryRulesDraft): boolean {
  return !value.dmvReferenceRequired || value.confidentialAddressRoles.length > 0;
}

export function InquiryRulesSection({ value, onChange, nextKey, invalid }: InquiryRulesSectionProps) {
  const setFormat = (key: number, patch: Partial<FormatDraft>) => onChange({ ...value, formats: value.formats.map((f) => (f.key === key ? { ...f, ...patch } : f)) });
  const removeFormat = (key: number) => onChange({ ...value, formats: value.formats.filter((f) => f.key !== key) });
  const addFormat = () => onChange({ ...value, formats: [...value.formats, { key: nextKey(), label: '', mask: '' }] });
  const toggleRole = (role: Role, on: boolean) =>
    onChange({ ...value, confidentialAddressRoles: on ? ROLES.filter((r) => r === role || value.confidentialAddressRoles.includes(r)) : value.confidentialAddressRoles.filter((r) => r !== role) });
  const needsJustification = loosened(value);

  return (
    <section className="settings-group" aria-labelledby="inquiry-rules-title">
      <h3 id="inquiry-rules-title" className="settings-group__title">
        Inquiry rules
      </h3>

      <fieldset className="fieldset" aria-describedby="formats-hint" data-field="referenceFormats" tabIndex={-1}>
        <legend className="field__label">Right-to-know reference formats</legend>
        <p id="formats-hint" className="field__hint">
          Every criminal history inquiry (and DMV inquiry, when required below) needs a call, report or case number in one of these formats; a name is not
          enough. In a mask, <strong>9</strong> is a digit, <strong>A</strong> a letter, <strong>#</strong> a letter or digit; any other capital letter, a
          hyphen or a space stands for itself. 3 to 17 characters, with at least one 9. Up to {MAX_FORMATS} formats.
        </p>
        {value.formats.map((format, i) => {
          const n = i + 1;
          return (
            <div key={format.key} className="inline-form inline-form--row">
              <div className="field">
                <label className="field__label" htmlFor={`format-label-${format.key}`}>
                  Format {n} label
                </label>
                <input
                  id={`format-label-${format.key}`}
                  data-field={`format-label-${i}`}
                  className="field__input"
                  maxLength={40}
                  value={format.label}
                  onChange={(e) => setFormat(format.key, { label: e.target.value })}
                  aria-invalid={invalid(`format-label-${i}`)}
                />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`format-mask-${format.key}`}>
                  Format {n} mask
                </label>
                <input
                  id={`format-mask-${format.key}`}
                  data-field={`format-mask-${i}`}
                  className="field__input field__input--mono"
                  maxLength={17}
                  autoCapitalize="characters"
                  spellCheck={false}
                  value={format.mask}
                  onChange={(e) => setFormat(format.key, { mask: e.target.value.toUpperCase() })}
                  aria-describedby={`format-example-${format.key}`}
                  aria-invalid={invalid(`format-mask-${i}`)}
                />
                <p id={`format-example-${format.key}`} className="field__hint mono">
                  {maskExample(format.mask)}
                </p>
              </div>
              <button type="button" className="button button--quiet button--small" onClick={() => removeFormat(format.key)} disabled={value.formats.length <= 1}>
                Remove format {n}
              </button>
            </div>
          );
        })}
        <div className="form-actions">
          <button type="button" className="button button--small" onClick={addFormat} disabled={value.formats.length >= MAX_FORMATS}>
            Add a reference format
          </button>
        </div>
      </fieldset>

      <label className="check check--block">
        <input type="checkbox" checked={value.dmvReferenceRequired} onChange={(e) => onChange({ ...value, dmvReferenceRequired: e.target.checked })} />
        <span>
          <strong>DMV inquiries need a purpose and a reference</strong> — driver licence and registration inquiries, in state and through Nlets (default: on).
        </span>
      </label>

      <fieldset className="fieldset" aria-describedby="confidential-hint">
        <legend className="field__label">Roles that may see a confidential DMV address</legend>
        <p id="confidential-hint" className="field__hint">
          Vehicle Code 1808.4 addresses are withheld from every role not ticked here (default: none).
        </p>
        <div className="checks">
          {ROLES.map((role) => (
            <label key={role} className="check">
              <input type="checkbox" checked={value.confidentialAddressRoles.includes(role)} onChange={(e) => toggleRole(role, e.target.checked)} />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label className="field__label" htmlFor="inquiry-justification">
          Justification for looser inquiry rules{needsJustification ? ' (required)' : ''}
        </label>
        <textarea
          id="inquiry-justification"
          data-field="inquiryJustification"
          className="field__input field__textarea"
          rows={2}
          maxLength={500}
          value={value.justification}
          onChange={(e) => onChange({ ...value, justification: e.target.value })}
          aria-describedby="inquiry-justification-hint"
          aria-invalid={invalid('inquiryJustification')}
          aria-required={needsJustification || undefined}
        />
        <p id="inquiry-justification-hint" className="field__hint">
          Turning the DMV reference off, or letting a role see confidential addresses, needs the agency policy or need that allows it (at least 10 characters);
          each new loosening needs its own. It is kept with the settings, and the change is recorded.
        </p>
      </div>
    </section>
  );
}
