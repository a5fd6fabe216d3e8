// Labelled controls of the inquiry forms: each with its hint and its own problem next to it
// (aria-describedby, aria-invalid), so a screen reader hears why a field is refused.
import type { Ref } from 'react';

interface Described {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

export const errorIdOf = (id: string): string => `${id}-error`;

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? errorIdOf(id) : null].filter(Boolean).join(' ') || undefined;
}

function Notes({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorIdOf(id)} className="inq-field__error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export interface InqTextProps extends Described {
  value: string;
  onChange(value: string): void;
  maxLength?: number;
  mono?: boolean;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  readOnly?: boolean;
  className?: string;
}

export function InqText(p: InqTextProps) {
  return (
    <div className={p.className ? `field inq-field ${p.className}` : 'field inq-field'}>
      <label className="field__label" htmlFor={p.id}>
        {p.label}
        {p.required ? <span className="inq-field__required"> (required)</span> : null}
      </label>
      <input
        ref={p.inputRef}
        id={p.id}
        className={p.mono ? 'field__input field__input--mono' : 'field__input'}
        type="text"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        maxLength={p.maxLength}
        readOnly={p.readOnly}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        aria-required={p.required ? true : undefined}
      />
      <Notes id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

export interface InqSelectProps extends Described {
  value: string;
  onChange(value: string): void;
  options: readonly { value: string; label: string }[];
  required?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLSelectElement>;
}

export function InqSelect(p: InqSelectProps) {
  return (
    <div className="field inq-field">
      <label className="field__label" htmlFor={p.id}>
        {p.label}
        {p.required ? <span className="inq-field__required"> (required)</span> : null}
      </label>
      <select
        ref={p.inputRef}
        id={p.id}
        className="field__input inq-select"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        aria-required={p.required ? true : undefined}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Notes id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

export interface InqCheckboxProps extends Described {
  checked: boolean;
  onChange(checked: boolean): void;
}

export function InqCheckbox(p: InqCheckboxProps) {
  return (
    <div className="inq-field inq-check">
      <input
        id={p.id}
        type="checkbox"
        className="inq-check__box"
        checked={p.checked}
        onChange={(e) => p.onChange(e.target.checked)}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      />
      <label className="inq-check__label" htmlFor={p.id}>
        {p.label}
      </label>
      <Notes id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}
