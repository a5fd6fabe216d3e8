// Answers one decoded inquiry from the data set, as a codec ReplyDraft (formatReply writes the text).
// No I/O, no clock: the caller passes the stamp and today's date.

import {
  CodecError,
  decodeInquiry,
  formatReply,
  PERSONS_CAVEAT,
  REPLY_MKE,
  type Candidate,
  type ErCode,
  type FieldError,
  type HitRecord,
  type Inquiry,
  type InquiryOf,
  type LicenceRecord,
  type PersonRecord,
  type RapSheetRecord,
  type RegistrationRecord,
  type ReplyDraft,
  type ReplyField,
  type ReplyHeader,
  type ReplyStamp,
  type VehicleRecord,
} from '../shared/codec';
import type { Logger } from '../electron/services/log';
import { MAX_FRAME_BYTES } from '../shared/wire/frame';
import type { Dataset } from './dataset';
import type { Address, Person, Vehicle, Want } from './dataset/types';

/** ORI the training switch signs its replies with. */
export const SWITCH_ORI = 'CA0000000';
/** At most this many records or candidates in one reply; more are cut with a note. */
export const MAX_RECORDS_PER_REPLY = 20;

export interface ReplyContext {
  /** The ORI of the terminal that asked (header line 3). */
  destOri: string;
  /** Switch time for the header. */
  now: Date;
  /** Switch sequence number for the header. */
  seq: number;
  /** Today as CCYYMMDD, for expiry statuses. */
  today: string;
}

const ER_TEXT: Readonly<Record<ErCode, string>> = {
  '01': 'INVALID HEADER',
  '02': 'MESSAGE TYPE NOT ALLOWED TO DESTINATION',
  '03': 'TXT NOT FOUND',
  '05': 'DOB INVALID OR MISSING',
  '10': 'YEAR FIELD INVALID',
  '14': 'REQUIRED FIELDS MISSING',
  '16': 'ATN INVALID OR MISSING',
  '19': 'INVALID DESTINATION',
  '22': 'INVALID MESSAGE FORMAT',
};

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function stampOf(ctx: ReplyContext): ReplyStamp {
  const d = ctx.now;
  return {
    time: `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}`,
    date: `${pad(d.getMonth() + 1, 2)}/${pad(d.getDate(), 2)}/${pad(d.getFullYear(), 4)}`,
    seq: pad(ctx.seq % 100_000, 5),
  };
}

export function replyHeader(mke: string, ctx: ReplyContext): ReplyHeader {
  const stamp = stampOf(ctx);
  return { mke, senderOri: SWITCH_ORI, switchStamp: stamp, destStamp: { ...stamp }, destOri: ctx.destOri };
}

/** An ER reply. `original` is the inquiry text as received (cut to a sane length). */
export function errorReply(code: ErCode, details: readonly string[], original: string | undefined, ctx: ReplyContext): ReplyDraft {
  return {
    kind: 'error',
    header: replyHeader('ER', ctx),
    training: true,
    code,
    text: ER_TEXT[code],
    details: details.map((d) => d.toUpperCase()),
    ...(original !== undefined ? { originalMessage: original.length > 2000 ? `${original.slice(0, 2000)}...` : original } : {}),
  };
}

export function errorReplyFor(code: ErCode, errors: readonly FieldError[], original: string, ctx: ReplyContext): ReplyDraft {
  return errorReply(code, errors.map((e) => e.message), original, ctx);
}

// --- record builders ---------------------------------------------------------------------------

const compact = <T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> => {
  const out: Partial<Record<keyof T, string>> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') out[k as keyof T] = v;
  return out;
};

const CONFIDENTIAL_ADDRESS = 'CONFIDENTIAL - VC 1808.4';
const CONFIDENTIAL_NOTE = 'HOME ADDRESS CONFIDENTIAL PER VC 1808.4 - CONTACT DMV FOR LAW ENFORCEMENT RELEASE';

function addressText(a: Address): string {
  return `${a.street}, ${a.city} ${a.state} ${a.zip}`;
}

function personRecord(p: Person, w: Want): PersonRecord {
  return {
    type: 'person',
    category: w.category,
    fields: compact({
      ORI: w.ori,
      NAM: p.name,
      SEX: p.sex,
      RAC: p.race,
      POB: p.pob,
      DOB: p.dob,
      HGT: p.height,
      WGT: String(p.weight),
      EYE: p.eyes,
      HAI: p.hair,
      FBI: p.fbi,
      CTZ: p.ctz,
      SKN: p.skin,
      SMT: p.smt,
      OLN: p.licence?.oln,
      OLS: p.licence?.state,
      OLY: p.licence?.expires.slice(0, 4),
      OFF: w.offence,
      DOW: w.category === 'WANTED PERSON' ? w.date : undefined,
      DTT: w.date,
      OCA: w.oca,
      NIC: w.nic,
      EXL: w.extradition,
      MIS: w.mis,
    }),
    extra: [{ code: 'AGY', value: w.agency }],
  };
}

function licenceStatus(p: Person, today: string): string {
  const l = p.licence!;
  return l.status === 'VALID' && l.expires < today ? 'EXPIRED' : l.status;
}

function licenceRecord(p: Person, today: string): LicenceRecord {
  const l = p.licence!;
  return {
    type: 'licence',
    fields: compact({
      NAM: p.name,
      DOB: p.dob,
      SEX: p.sex,
      HGT: p.height,
      WGT: String(p.weight),
      EYE: p.eyes,
      HAI: p.hair,
      OLN: l.oln,
      OLS: l.state,
      OLY: l.expires.slice(0, 4),
      CLS: l.licenceClass,
      STS: licenceStatus(p, today),
      RST: l.restrictions,
      ADR: p.confidentialAddress ? CONFIDENTIAL_ADDRESS : addressText(p.address),
      MIS: p.confidentialAddress ? CONFIDENTIAL_NOTE : undefined,
    }),
    extra: [
      { code: 'ISS', value: l.issued },
      { code: 'EXP', value: l.expires },
      ...(p.confidentialAddress ? [{ code: 'CNF', value: 'Y' }] : p.mailingAddress ? [{ code: 'MAD', value: addressText(p.mailingAddress) }] : []),
    ],
  };
}

function vehicleFields(v: Vehicle) {
  return {
    LIC: v.plate,
    LIS: v.plateState,
    LIY: v.plateYear,
    LIT: v.plateType,
    VIN: v.vin,
    VYR: String(v.year),
    VMA: v.make,
    VMO: v.model,
    VST: v.style,
    VCO: v.colour,
  };
}

function stolenRecord(v: Vehicle): VehicleRecord {
  const s = v.stolen!;
  return {
    type: 'vehicle',
    category: s.category,
    fields: compact({ ORI: s.ori, ...vehicleFields(v), DOT: s.date, OCA: s.oca, NIC: s.nic, MIS: s.mis }),
    extra: [{ code: 'AGY', value: s.agency }],
  };
}

function registrationRecord(v: Vehicle, owner: Person, today: string): RegistrationRecord {
  const expired = v.registrationStatus === 'EXPIRED' || v.registrationExpires < today;
  const mis = [owner.confidentialAddress ? CONFIDENTIAL_NOTE : undefined, v.remarks].filter((x) => x !== undefined).join(' ');
  return {
    type: 'registration',
    fields: compact({
      ...vehicleFields(v),
      OWN: owner.name,
      ADR: owner.confidentialAddress ? CONFIDENTIAL_ADDRESS : addressText(owner.address),
      EXP: v.registrationExpires,
      STS: expired ? 'EXPIRED' : 'CURRENT',
      MIS: mis === '' ? undefined : mis,
    }),
    extra: owner.confidentialAddress ? [{ code: 'CNF', value: 'Y' }] : [],
  };
}

function sid(p: Person): string | undefined {
  return p.cii ? `CA${p.cii.slice(1)}` : undefined;
}

function rapSheetRecord(p: Person): RapSheetRecord {
  const r = p.rapSheet!;
  return {
    type: 'rap_sheet',
    fields: compact({
      CII: r.cii,
      FBI: r.fbi,
      SID: sid(p),
      NAM: p.name,
      AKA: r.aliases.length > 0 ? r.aliases.join('; ') : undefined,
      DOB: p.dob,
      SEX: p.sex,
      RAC: p.race,
      HGT: p.height,
      WGT: String(p.weight),
      EYE: p.eyes,
      HAI: p.hair,
      POB: p.pob,
      MIS: r.mis,
    }),
    extra: [],
    arrests: r.arrests.map((a) => ({
      fields: compact({ DOA: a.date, AGY: `${a.agency} ${a.ori}`, OCA: a.oca, NAM: a.nameUsed }),
      extra: [],
      charges: a.charges.map((c) => ({
        fields: compact({ CNT: String(c.count), CHG: c.statute, LVL: c.level, DES: c.description }),
        extra: [],
        dispositions: [
          { fields: compact({ DDT: c.disposition.date, CRT: c.disposition.court, DSP: c.disposition.result, SEN: c.disposition.sentence }), extra: [] },
        ],
      })),
    })),
    custody: r.custody.map((c) => ({ fields: compact({ DTE: c.date, AGY: c.agency, TYP: c.type, REL: c.released }), extra: [] })),
    probation: r.probation.map((c) => ({ fields: compact({ DTE: c.date, AGY: c.agency, TRM: c.term, EXP: c.expires }), extra: [] })),
  };
}

function candidate(p: Person): Candidate {
  return {
    fields: compact({
      FBI: p.fbi,
      SID: sid(p),
      CII: p.cii,
      NAM: p.name,
      DOB: p.dob,
      SEX: p.sex,
      RAC: p.race,
      HGT: p.height,
      WGT: String(p.weight),
      EYE: p.eyes,
      HAI: p.hair,
      POB: p.pob,
    }),
    extra: [],
  };
}

// --- reply shapes --------------------------------------------------------------------------------

function echoOf(inq: Inquiry): ReplyField[] {
  const codes: Array<[string, string]> = [
    ['nam', 'NAM'], ['dob', 'DOB'], ['sex', 'SEX'], ['rac', 'RAC'], ['fbi', 'FBI'], ['sid', 'SID'], ['cii', 'CII'],
    ['soc', 'SOC'], ['oln', 'OLN'], ['ols', 'OLS'], ['lic', 'LIC'], ['lis', 'LIS'], ['liy', 'LIY'], ['lit', 'LIT'],
    ['vin', 'VIN'], ['vma', 'VMA'],
  ];
  const rec = inq as unknown as Record<string, unknown>;
  const out: ReplyField[] = [];
  for (const [prop, code] of codes) {
    const v = rec[prop];
    if (typeof v === 'string' && v !== '') out.push({ code, value: v });
  }
  return out;
}

function noRecord(inq: Inquiry, ctx: ReplyContext, reason: 'NOT ON FILE' | 'FILE NOT AVAILABLE' = 'NOT ON FILE'): ReplyDraft {
  return { kind: 'no_record', header: replyHeader(REPLY_MKE[inq.kind], ctx), training: true, reason, echo: echoOf(inq) };
}

function hit(inq: Inquiry, records: HitRecord[], ctx: ReplyContext): ReplyDraft {
  const persons = records.some((r) => r.type === 'person');
  return {
    kind: 'hit',
    header: replyHeader(REPLY_MKE[inq.kind], ctx),
    training: true,
    ...(persons ? { caveat: PERSONS_CAVEAT } : {}),
    records,
  };
}

function candidates(inq: Inquiry, persons: Person[], ctx: ReplyContext): ReplyDraft {
  return { kind: 'candidates', header: replyHeader(REPLY_MKE[inq.kind], ctx), training: true, candidates: persons.map(candidate) };
}

const unique = (ids: Array<number | null | undefined>): number[] => [...new Set(ids.filter((x): x is number => typeof x === 'number'))];

/** Destinations include California (the only state whose files the training switch holds persons for). */
const toCalifornia = (inq: { destinations: string[] }) => inq.destinations.includes('CA');

// --- per kind ---------------------------------------------------------------------------------------

function wantedPerson(ds: Dataset, inq: InquiryOf<'wanted_person'>, ctx: ReplyContext): ReplyDraft {
  const ids = unique([
    ...(inq.nam ? ds.findPersonsByName(inq.nam, { dob: inq.dob, sex: inq.sex, race: inq.rac }) : []),
    inq.fbi ? ds.findPersonByFbi(inq.fbi) : null,
    inq.oln && (inq.ols === undefined || inq.ols === 'CA') ? ds.findPersonByOln(inq.oln) : null,
  ]).filter((id) => ds.hasWant(id));
  const records: HitRecord[] = [];
  for (const id of ids) {
    const p = ds.person(id);
    for (const w of p.wants) records.push(personRecord(p, w));
    if (records.length >= MAX_RECORDS_PER_REPLY) break;
  }
  return records.length > 0 ? hit(inq, records.slice(0, MAX_RECORDS_PER_REPLY), ctx) : noRecord(inq, ctx);
}

function stolenVehicle(ds: Dataset, inq: InquiryOf<'stolen_vehicle'>, ctx: ReplyContext): ReplyDraft {
  const ids = unique([...(inq.lic ? ds.findVehiclesByPlate(inq.lic, inq.lis) : []), inq.vin ? ds.findVehicleByVin(inq.vin) : null]);
  const records = ids.filter((id) => ds.isStolen(id)).map((id) => stolenRecord(ds.vehicle(id)));
  return records.length > 0 ? hit(inq, records, ctx) : noRecord(inq, ctx);
}

function licences(ds: Dataset, inq: Inquiry, ids: number[], ctx: ReplyContext): ReplyDraft {
  const found = unique(ids).filter((id) => ds.hasLicence(id)).slice(0, MAX_RECORDS_PER_REPLY);
  return found.length > 0 ? hit(inq, found.map((id) => licenceRecord(ds.person(id), ctx.today)), ctx) : noRecord(inq, ctx);
}

function registrations(ds: Dataset, inq: Inquiry, ids: number[], ctx: ReplyContext): ReplyDraft {
  const found = unique(ids).slice(0, MAX_RECORDS_PER_REPLY);
  if (found.length === 0) return noRecord(inq, ctx);
  return hit(
    inq,
    found.map((id) => {
      const v = ds.vehicle(id);
      return registrationRecord(v, ds.person(v.ownerId), ctx.today);
    }),
    ctx,
  );
}

/** California name search (ACHS): one subject gives the record, several a candidate list. */
function historyByName(ds: Dataset, inq: Inquiry, nam: string, filter: { dob?: string; sex?: string; race?: string }, ctx: ReplyContext, alwaysList: boolean): ReplyDraft {
  const ids = ds.findPersonsByName(nam, filter).filter((id) => ds.hasRecord(id));
  if (ids.length === 0) return noRecord(inq, ctx);
  if (ids.length === 1 && !alwaysList) return hit(inq, [rapSheetRecord(ds.person(ids[0]!))], ctx);
  const draft = candidates(inq, ids.slice(0, MAX_RECORDS_PER_REPLY).map((id) => ds.person(id)), ctx);
  if (ids.length > MAX_RECORDS_PER_REPLY && draft.kind === 'candidates') {
    draft.candidates[draft.candidates.length - 1]!.fields.MIS = `${ids.length} CANDIDATES, FIRST ${MAX_RECORDS_PER_REPLY} SHOWN: ADD DOB, SEX OR RAC`;
  }
  return draft;
}

function historyRecord(ds: Dataset, inq: Inquiry, id: number | null, ctx: ReplyContext): ReplyDraft {
  return id !== null && ds.hasRecord(id) ? hit(inq, [rapSheetRecord(ds.person(id))], ctx) : noRecord(inq, ctx);
}

function byFbiOrSid(ds: Dataset, fbi: string | undefined, sid: string | undefined): number | null {
  if (fbi) return ds.findPersonByFbi(fbi);
  if (sid) return ds.findPersonBySid(sid);
  return null;
}

function hitConfirmation(ds: Dataset, inq: InquiryOf<'hit_confirmation_request'>, ctx: ReplyContext): ReplyDraft {
  const found = ds.findByNic(inq.nic);
  const base = {
    kind: 'hit_confirmation' as const,
    header: replyHeader('YR', ctx),
    training: true,
    extra: [] as ReplyField[],
  };
  const refs = { NIC: inq.nic, OCA: inq.oca, RNO: inq.rno, PRI: inq.pri, ATN: inq.attention };
  if (!found) return { ...base, confirmed: false, fields: compact({ ...refs, MIS: 'NO RECORD ON FILE FOR THIS NIC' }) };
  const rty = found.kind === 'vehicle' ? ['V', 'L'] : found.want.category === 'WANTED PERSON' ? ['W'] : found.want.category === 'MISSING PERSON' ? ['M'] : ['P'];
  const record = found.kind === 'vehicle' ? found.stolen : found.want;
  if (!rty.includes(inq.rty)) {
    return { ...base, confirmed: false, fields: compact({ ...refs, ORI: record.ori, MIS: `RECORD TYPE ${inq.rty} DOES NOT MATCH THE RECORD FOR THIS NIC` }) };
  }
  if (record.oca !== inq.oca) {
    return { ...base, confirmed: false, fields: compact({ ...refs, ORI: record.ori, MIS: 'OCA DOES NOT MATCH THE RECORD FOR THIS NIC' }) };
  }
  const who = found.kind === 'vehicle' ? (() => { const v = ds.vehicle(found.id); return { LIC: v.plate, VIN: v.vin }; })() : { NAM: ds.person(found.id).name };
  const mis =
    found.kind === 'vehicle'
      ? `CONFIRMED: VEHICLE STILL REPORTED ${found.stolen.category} BY ${found.stolen.agency}. HOLD AND ADVISE`
      : found.want.category === 'WANTED PERSON'
        ? `CONFIRMED: WARRANT OUTSTANDING WITH ${found.want.agency}. ${found.want.extradition ?? ''}`.trim()
        : `CONFIRMED: RECORD ACTIVE WITH ${found.want.agency}`;
  return { ...base, confirmed: true, fields: compact({ ...refs, ORI: record.ori, ...who, MIS: mis }) };
}

function adminMessage(inq: InquiryOf<'admin_message'>, ctx: ReplyContext): ReplyDraft {
  return {
    kind: 'admin',
    header: replyHeader('AM', ctx),
    training: true,
    text: `TRAINING SWITCH: MESSAGE FOR ${inq.destinations.join(' ')} RECEIVED FROM ${inq.ori}\n${inq.text}`,
  };
}

/** The reply to a valid inquiry. */
export function answerInquiry(ds: Dataset, inq: Inquiry, ctx: ReplyContext): ReplyDraft {
  switch (inq.kind) {
    case 'wanted_person':
      return wantedPerson(ds, inq, ctx);
    case 'stolen_vehicle':
      return stolenVehicle(ds, inq, ctx);
    case 'dmv_licence_oln':
      return licences(ds, inq, [ds.findPersonByOln(inq.oln) ?? -1].filter((x) => x >= 0), ctx);
    case 'dmv_licence_name':
      return licences(ds, inq, ds.findPersonsByName(inq.nam, { dob: inq.dob, sex: inq.sex }), ctx);
    case 'dmv_registration_plate':
      return registrations(ds, inq, ds.findVehiclesByPlate(inq.lic, 'CA').filter((id) => !inq.lit || ds.vehicle(id).plateType === inq.lit), ctx);
    case 'dmv_registration_vin':
      return registrations(ds, inq, unique([ds.findVehicleByVin(inq.vin)]), ctx);
    case 'nlets_licence': {
      if (!toCalifornia(inq)) return noRecord(inq, ctx);
      const ids = inq.oln ? unique([ds.findPersonByOln(inq.oln)]) : inq.nam ? ds.findPersonsByName(inq.nam, { dob: inq.dob, sex: inq.sex }) : [];
      return licences(ds, inq, ids, ctx);
    }
    case 'nlets_registration': {
      const ids = inq.vin
        ? unique([ds.findVehicleByVin(inq.vin)])
        : inq.lic
          ? inq.destinations.flatMap((state) => ds.findVehiclesByPlate(inq.lic!, state))
          : [];
      const filtered = ids.filter((id) => {
        const v = ds.vehicle(id);
        return inq.destinations.includes(v.plateState) && (!inq.lit || v.plateType === inq.lit);
      });
      return registrations(ds, inq, filtered, ctx);
    }
    case 'ca_history_name':
      return historyByName(ds, inq, inq.nam, { dob: inq.dob, sex: inq.sex, race: inq.rac }, ctx, false);
    case 'ca_history_cii':
      return historyRecord(ds, inq, ds.findPersonByCii(inq.cii), ctx);
    case 'iii_name':
      return historyByName(ds, inq, inq.nam, { dob: inq.dob, sex: inq.sex, race: inq.rac }, ctx, true);
    case 'iii_record':
      return historyRecord(ds, inq, byFbiOrSid(ds, inq.fbi, inq.sid), ctx);
    case 'nlets_history_index': {
      if (!toCalifornia(inq)) return noRecord(inq, ctx);
      if (inq.nam) return historyByName(ds, inq, inq.nam, { dob: inq.dob, sex: inq.sex, race: inq.rac }, ctx, true);
      const id = byFbiOrSid(ds, inq.fbi, inq.sid);
      return id !== null && ds.hasRecord(id) ? candidates(inq, [ds.person(id)], ctx) : noRecord(inq, ctx);
    }
    case 'nlets_history_record':
      if (!toCalifornia(inq)) return noRecord(inq, ctx);
      return historyRecord(ds, inq, byFbiOrSid(ds, inq.fbi, inq.sid), ctx);
    case 'hit_confirmation_request':
      return hitConfirmation(ds, inq, ctx);
    case 'admin_message':
      return adminMessage(inq, ctx);
  }
}

/** Room left in a frame for the RPL header line. */
const MAX_REPLY_BYTES = MAX_FRAME_BYTES - 1024;

/**
 * The whole answer to one inquiry text from a terminal of `terminalOri`: decode (ER with the codec's
 * code when invalid), check the ORI, answer from the data set, write with formatReply (training
 * marker included). Never throws: a reply that cannot be written becomes an ER, so no inquiry is
 * left unanswered.
 */
export function respondToInquiry(ds: Dataset, text: string, terminalOri: string, ctx: ReplyContext, logger?: Logger): string {
  let draft: ReplyDraft;
  const decoded = decodeInquiry(text, { today: ctx.today });
  if (!decoded.ok) {
    draft = errorReplyFor(decoded.erCode, decoded.errors, text, ctx);
  } else if (decoded.value.ori !== terminalOri) {
    draft = errorReply('01', [`ORI ${decoded.value.ori} is not the ORI of this terminal (${terminalOri})`], text, ctx);
  } else {
    try {
      draft = answerInquiry(ds, decoded.value, ctx);
    } catch (err) {
      logger?.error('could not answer inquiry', { kind: decoded.value.kind, err: String(err) });
      draft = errorReply('22', ['THE TRAINING SWITCH COULD NOT ANSWER THIS INQUIRY'], text, ctx);
    }
  }
  try {
    const reply = formatReply(draft);
    if (Buffer.byteLength(reply) <= MAX_REPLY_BYTES) return reply;
    logger?.error('reply too large for one frame', { kind: draft.kind });
  } catch (err) {
    logger?.error('could not format reply', { kind: draft.kind, err: err instanceof CodecError ? err.message : String(err) });
  }
  return formatReply(errorReply('22', ['THE TRAINING SWITCH COULD NOT ANSWER THIS INQUIRY'], text.slice(0, 200), ctx));
}

/**
 * Replies already written, keyed by (today, terminal ORI, inquiry text): the data set never changes,
 * so the same inquiry gets the same reply apart from header lines 2 and 3 (time, date, sequence
 * number), which are written fresh each time (layout in shared/codec/types.ts, "REPLY TEXT").
 * Bounded: the oldest entry goes when it is full.
 */
export class ReplyCache {
  private readonly entries = new Map<string, { line1: string; rest: string }>();
  hits = 0;

  constructor(
    private readonly maxEntries = 2048,
    private readonly maxInquiryChars = 2048,
  ) {}

  respond(ds: Dataset, text: string, terminalOri: string, ctx: ReplyContext, logger?: Logger): string {
    if (text.length > this.maxInquiryChars) return respondToInquiry(ds, text, terminalOri, ctx, logger);
    const key = `${ctx.today}\n${terminalOri}\n${text}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.hits += 1;
      const st = stampOf(ctx);
      const stamp = `${st.time} ${st.date} ${st.seq}`;
      return `${cached.line1}\n${stamp}\n${stamp} ${ctx.destOri}${cached.rest}`;
    }
    const reply = respondToInquiry(ds, text, terminalOri, ctx, logger);
    const end1 = reply.indexOf('\n');
    const end3 = reply.indexOf('\n', reply.indexOf('\n', end1 + 1) + 1);
    if (end1 > 0 && end3 > 0) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { line1: reply.slice(0, end1), rest: reply.slice(end3) });
    }
    return reply;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * A hit confirmation request the holding agency answers later (training switch option
 * `hitConfirmationDelayMs`): the reply now is an `AM` saying the request was forwarded to the ORI, and
 * `confirmation(ctx)` writes the YR to send afterwards. null when the text is not a valid YQ from this
 * terminal or names a NIC that is not on file: those are answered at once (`ER`, or `YR` `CON/N`).
 */
export function deferredHitConfirmation(
  ds: Dataset,
  text: string,
  terminalOri: string,
  ctx: ReplyContext,
): { ack: string; confirmation: (later: ReplyContext) => string } | null {
  if (!text.startsWith('YQ.')) return null;
  const decoded = decodeInquiry(text, { today: ctx.today });
  if (!decoded.ok || decoded.value.kind !== 'hit_confirmation_request' || decoded.value.ori !== terminalOri) return null;
  const inq = decoded.value;
  if (!ds.findByNic(inq.nic)) return null;
  const ack = formatReply({
    kind: 'admin',
    header: replyHeader('AM', ctx),
    training: true,
    text: `TRAINING SWITCH: HIT CONFIRMATION REQUEST FOR NIC ${inq.nic} OCA ${inq.oca} FORWARDED TO ${inq.destinations.join(' ')}\nTHE HOLDING AGENCY WILL ANSWER WITH A YR`,
  });
  return { ack, confirmation: (later) => formatReply(hitConfirmation(ds, inq, later)) };
}
