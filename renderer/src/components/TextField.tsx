// A labelled input. The label text is the field's accessible name, exactly as given.
import type { HTMLInputTypeAttribute, KeyboardEvent, Ref } from 'react';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  type?: HTMLInputTypeAttribute;
  inputMode?: 'text' | 'numeric' | 'none';
  autoComplete?: string;
  hint?: string;
  invalid?: boolean;
  /** The alert the field's refusal is shown in, for aria-describedby. */
  errorId?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  className?: string;
  mono?: boolean;
  required?: boolean;
  min?: number;
  max?: number;
}

export function TextField(props: TextFieldProps) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const describedBy = [hintId, props.invalid ? props.errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.className ? `field ${props.className}` : 'field'}>
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        ref={props.inputRef}
        id={props.id}
        className={props.mono ? 'field__input field__input--mono' : 'field__input'}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={props.onKeyDown}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={describedBy}
        aria-required={props.required ? true : undefined}
      />
      {props.hint ? (
        <p id={hintId} className="field__hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
