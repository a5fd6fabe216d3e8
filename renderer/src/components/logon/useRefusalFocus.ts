// After a refusal the cursor goes back to the field it is about, with that field cleared if it is a
// secret (the operator types it again) or selected if it is not (typing replaces it).
import { useEffect, type RefObject } from 'react';

export interface Refusal<F extends string> {
  field: F | null;
  seq: number;
}

export interface FieldHandle {
  ref: RefObject<HTMLInputElement | null>;
  /** Secrets are cleared; other fields are selected. */
  clear?: () => void;
}

export function useRefusalFocus<F extends string>(refusal: Refusal<F> | null, fields: Record<F, FieldHandle>, fallback: F): void {
  const seq = refusal?.seq;
  useEffect(() => {
    if (refusal === null) return;
    const field = refusal.field ?? fallback;
    const handle = fields[field];
    // Secrets typed so far go: every refusal asks for them again.
    for (const h of Object.values<FieldHandle>(fields)) h.clear?.();
    const input = handle.ref.current;
    if (input === null) return;
    input.focus();
    if (handle.clear === undefined) input.select();
    // Only a new refusal (seq) moves the cursor; re-renders while typing do not.
  }, [seq]);
}
