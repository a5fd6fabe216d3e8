// Labelled fields of one reply section: every typed field in the codec's order, then every `extra`
// field as received. Nothing is dropped; every value is a text node inside <bdi> so right-to-left
// text stays in its own box.
import type { ReplyField } from '../../../../shared/codec';
import { displayValue, fieldLabel, isFlaggedStatus, isWithheldAddress, visibleText, WITHHELD_TEXT } from './text';

/** Typed fields (in `order`), then the extra ones, as one list of code/value pairs. */
export function sectionFields(fields: Readonly<Partial<Record<string, string>>>, extra: readonly ReplyField[], order: readonly string[]): ReplyField[] {
  const out: ReplyField[] = [];
  for (const code of order) {
    const value = fields[code];
    if (typeof value === 'string') out.push({ code, value });
  }
  // Typed fields the order does not know (should not happen; nothing is dropped even then).
  for (const [code, value] of Object.entries(fields)) {
    if (!order.includes(code) && typeof value === 'string') out.push({ code, value });
  }
  for (const f of extra) out.push(f);
  return out;
}

/** Free-text fields that get a full-width row. */
const WIDE_CODES: ReadonlySet<string> = new Set(['MIS', 'ADR', 'MAD', 'SMT', 'AKA', 'OFF', 'DES', 'MSG']);

export function FieldValue({ field }: { field: ReplyField }) {
  if (isWithheldAddress(field.code, field.value)) {
    return (
      <span className="reply-withheld">
        <span className="reply-withheld__text">{WITHHELD_TEXT}</span>
      </span>
    );
  }
  if (isFlaggedStatus(field.code, field.value)) {
    return <bdi className="reply-value reply-value--flag">{displayValue(field.code, field.value)}</bdi>;
  }
  return <bdi className="reply-value">{displayValue(field.code, field.value)}</bdi>;
}

export interface FieldListProps {
  fields: readonly ReplyField[];
  /** Extra class for the list. */
  variant?: 'compact';
}

export function FieldList({ fields, variant }: FieldListProps) {
  if (fields.length === 0) return <p className="reply-empty">No fields.</p>;
  return (
    <dl className={variant === 'compact' ? 'reply-fields reply-fields--compact' : 'reply-fields'}>
      {fields.map((f, i) => (
        <div key={i} className={WIDE_CODES.has(f.code) ? 'reply-field reply-field--wide' : 'reply-field'}>
          <dt className="reply-field__label">
            {fieldLabel(f.code)} <span className="reply-field__code">{visibleText(f.code)}</span>
          </dt>
          <dd className="reply-field__value">
            <FieldValue field={f} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Fields shown inline in a table cell, `Label: value; …` — used for a row's remaining fields. */
export function InlineFields({ fields }: { fields: readonly ReplyField[] }) {
  if (fields.length === 0) return null;
  return (
    <ul className="reply-inline">
      {fields.map((f, i) => (
        <li key={i} className="reply-inline__item">
          <span className="reply-inline__label">{fieldLabel(f.code)}:</span> <FieldValue field={f} />
        </li>
      ))}
    </ul>
  );
}
