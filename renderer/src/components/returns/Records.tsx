// One record of a reply: persons and vehicles (hot-file hits), driver licence, registration, or a
// rap sheet (RapSheet.tsx).
import { LICENCE_CODES, PERSON_CODES, RAP_SUBJECT_CODES, REGISTRATION_CODES, VEHICLE_CODES, type HitRecord } from '../../../../shared/codec';
import { FieldList, sectionFields } from './Fields';
import { RapSheet } from './RapSheet';
import { displayValue, visibleText } from './text';

/** True for the records that are hot-file hits (wants, missing persons, stolen vehicles…). */
export function isHotFileRecord(r: HitRecord): boolean {
  return r.type === 'person' || r.type === 'vehicle';
}

export function recordTitle(r: HitRecord): string {
  switch (r.type) {
    case 'person':
    case 'vehicle':
      return r.category;
    case 'licence':
      return 'DRIVER LICENSE';
    case 'registration':
      return 'VEHICLE REGISTRATION';
    case 'rap_sheet':
      return 'CRIMINAL HISTORY';
  }
}

/** A short subject line for a record: name and DOB, or plate and vehicle. */
export function recordSubject(r: HitRecord): string {
  const f = r.fields as Readonly<Partial<Record<string, string>>>;
  const parts: string[] = [];
  if (r.type === 'vehicle' || r.type === 'registration') {
    if (f.LIC) parts.push(`plate ${f.LIC}${f.LIS ? ` ${f.LIS}` : ''}`);
    const vehicle = [f.VYR, f.VMA, f.VMO].filter((x) => x).join(' ');
    if (vehicle) parts.push(vehicle);
    if (!f.LIC && f.VIN) parts.push(`VIN ${f.VIN}`);
  } else {
    if (f.NAM) parts.push(f.NAM);
    if (f.DOB) parts.push(displayValue('DOB', f.DOB));
  }
  if ((r.type === 'person' || r.type === 'vehicle') && f.NIC) parts.push(`NIC ${f.NIC}`);
  return visibleText(parts.join(' · '));
}

export interface RecordViewProps {
  record: HitRecord;
  index: number;
  idPrefix: string;
  onConfirmHit?: ((recordIndex: number) => void) | undefined;
}

function ConfirmButton({ record, index, onConfirmHit }: RecordViewProps) {
  if (!onConfirmHit || !isHotFileRecord(record)) return null;
  return (
    <button
      type="button"
      className="button button--small button--primary reply-record__action"
      aria-label={`Confirm hit (YQ) for ${recordTitle(record)} ${recordSubject(record)}`}
      onClick={() => onConfirmHit(index)}
    >
      Confirm hit (YQ)
    </button>
  );
}

function orderFor(r: HitRecord): readonly string[] {
  switch (r.type) {
    case 'person':
      return PERSON_CODES;
    case 'vehicle':
      return VEHICLE_CODES;
    case 'licence':
      return LICENCE_CODES;
    case 'registration':
      return REGISTRATION_CODES;
    case 'rap_sheet':
      return RAP_SUBJECT_CODES;
  }
}

export function RecordView(props: RecordViewProps) {
  const { record, index, idPrefix } = props;
  const headingId = `${idPrefix}-record-${index}`;
  const hot = isHotFileRecord(record);
  const fields = sectionFields(record.fields, record.extra, orderFor(record));
  return (
    <section className={hot ? 'reply-record reply-record--hot' : 'reply-record'} aria-labelledby={headingId}>
      <div className="reply-record__head">
        <h3 className="reply-record__title" id={headingId}>
          <span className="reply-record__category">{recordTitle(record)}</span>{' '}
          <bdi className="reply-record__subject">{recordSubject(record)}</bdi>
        </h3>
        <ConfirmButton {...props} />
      </div>
      {record.type === 'rap_sheet' ? <RapSheet record={record} idPrefix={headingId} subject={fields} /> : <FieldList fields={fields} />}
    </section>
  );
}
