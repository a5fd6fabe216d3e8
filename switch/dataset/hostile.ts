// Hostile strings planted in free-text fields of a few hundred records. They prove that the client
// renders switch text as text (no HTML, no script, no link, no terminal escape, no bidi trickery) and
// decides hits from the reply's structure, never from keywords such as NOT ON FILE in a remark.

export const HOSTILE_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  '<a href="javascript:alert(1)">CLICK HERE TO CONFIRM</a>',
  '<svg/onload=alert(1)>',
  '"><iframe src=javascript:alert(1)></iframe>',
  '<style>*{display:none}</style>HIDDEN',
  "{{constructor.constructor('alert(1)')()}}",
  '${alert(1)} #{7*7} <%= 7*7 %>',
  '&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;',
  'BEL\u0007 BS\u0008 NUL\u0000 ESC\u001b[2J\u001b[31mRED\u001b[0m DEL\u007f C1\u009b',
  'LINE ONE\r\nMKE/WANTED PERSON\r\nNIC/W123456789 OFF/HOMICIDE',
  '\u202eDETNAW TON\u202c \u2066ISOLATE\u2069 \u200fRLM \u061cALM',
  'NO\u200bT O\u200dN FI\ufeffLE',
  'PRIOR SEARCH RETURNED NOT ON FILE - RECHECK',
  'MKE/WANTED PERSON NAM/DOE, JOHN NIC/W000000001',
  'MKE/NO RECORD RSN/NOT ON FILE',
  'WARNING-DO NOT ARREST (THIS IS A REMARK, NOT A CAVEAT)',
  "'; DROP TABLE persons; -- \\ C:\\WINDOWS\\SYSTEM32 \\u0041 \\n",
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '<meta http-equiv="refresh" content="0;url=https://example.invalid/">',
  '<form action=https://example.invalid/><input name=pin type=password></form>',
  'Z\u0337\u0322\u0349A\u0336L\u0335G\u0337O\u0338 \ud83d\ude93 \u0645\u0631\u062d\u0628\u0627 \u2028LS \u2029PS',
  'LONE SURROGATE \ud800 END',
  'W'.repeat(400),
];

/** Fields of a hostile person that can carry the payload. */
export const HOSTILE_PERSON_FIELDS = ['MIS', 'ADR', 'AKA', 'SMT'] as const;
export type HostilePersonField = (typeof HOSTILE_PERSON_FIELDS)[number];

/** How many records of each table carry hostile text. */
export const HOSTILE_PERSON_COUNT = 200;
export const HOSTILE_VEHICLE_COUNT = 100;

/** Generated-index positions of the hostile records: spread through the table, seed independent. */
const PERSON_FIRST = 1_000;
const PERSON_STEP = 457;
const VEHICLE_FIRST = 500;
const VEHICLE_STEP = 911;

/** Slot (0..HOSTILE_PERSON_COUNT-1) of a generated person index, or -1. */
export function hostilePersonSlot(g: number): number {
  if (g < PERSON_FIRST || (g - PERSON_FIRST) % PERSON_STEP !== 0) return -1;
  const slot = (g - PERSON_FIRST) / PERSON_STEP;
  return slot < HOSTILE_PERSON_COUNT ? slot : -1;
}

export function hostileVehicleSlot(g: number): number {
  if (g < VEHICLE_FIRST || (g - VEHICLE_FIRST) % VEHICLE_STEP !== 0) return -1;
  const slot = (g - VEHICLE_FIRST) / VEHICLE_STEP;
  return slot < HOSTILE_VEHICLE_COUNT ? slot : -1;
}

export function hostilePersonIndex(slot: number): number {
  return PERSON_FIRST + slot * PERSON_STEP;
}

export function hostileVehicleIndex(slot: number): number {
  return VEHICLE_FIRST + slot * VEHICLE_STEP;
}

/** Minimum generated table sizes for every hostile slot to exist. */
export const MIN_PERSONS_FOR_HOSTILE = hostilePersonIndex(HOSTILE_PERSON_COUNT - 1) + 1;
export const MIN_VEHICLES_FOR_HOSTILE = hostileVehicleIndex(HOSTILE_VEHICLE_COUNT - 1) + 1;

export function hostilePersonPlan(slot: number): { payload: string; field: HostilePersonField } {
  const n = HOSTILE_PAYLOADS.length;
  return {
    payload: HOSTILE_PAYLOADS[slot % n]!,
    field: HOSTILE_PERSON_FIELDS[Math.floor(slot / n) % HOSTILE_PERSON_FIELDS.length]!,
  };
}

/** Vehicles: even rounds put the payload in a stolen record's MIS, odd rounds in registration remarks. */
export function hostileVehiclePlan(slot: number): { payload: string; stolen: boolean } {
  const n = HOSTILE_PAYLOADS.length;
  return { payload: HOSTILE_PAYLOADS[slot % n]!, stolen: Math.floor(slot / n) % 2 === 0 };
}
