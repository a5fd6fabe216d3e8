// Every hostile record of the training data set (switch/dataset/hostile.ts), rendered for every
// message key that shows it: the payload is on the page as text and adds no element, attribute,
// link, style or bidi reordering — and it never changes what the return is (structure decides).
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeReply } from '../../../../shared/codec';
import { visibleText } from '../../../../renderer/src/components/returns/text';
import { hostileRecords, type HostileRecord } from '../../../../switch/dataset';
import { ask, ds, escapeHtml, ORI, render, renderOpen, viewOf } from './support';

/** Every element and attribute the return view itself writes. Anything else came from data. */
const ALLOWED_TAGS = new Set([
  'div', 'p', 'span', 'dl', 'dt', 'dd', 'section', 'h3', 'h4', 'h5', 'bdi', 'button', 'pre', 'table', 'caption',
  'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'ol', 'li',
]);
const ALLOWED_ATTRIBUTES = new Set(['class', 'role', 'id', 'type', 'scope', 'data-kind', 'aria-label', 'aria-labelledby', 'aria-hidden', 'aria-expanded', 'aria-controls']);

/** The inquiry texts that show a hostile record, one per message key the data set lists. */
function inquiriesFor(h: HostileRecord): string[] {
  const q = h.query;
  const out: string[] = [];
  for (const key of h.shownBy) {
    if (key === 'IW.QW') out.push(`IW.QW.${ORI}.TXT\nNAM/${q.nam}.DOB/${q.dob}`);
    else if (key === 'ID.L1') out.push(`ID.L1.${ORI}.TXT\nOLN/${q.oln}`);
    else if (key === 'IN.L1') out.push(`IN.L1.${ORI}.TXT\nNAM/${q.nam}.DOB/${q.dob}`);
    else if (key === 'IH.QR') out.push(`IH.QR.${ORI}.TXT\nCII/${q.cii}.PUR/C.ATN/TRAINING`);
    else if (key === 'IA.QV') out.push(`IA.QV.${ORI}.TXT\nLIC/${q.lic}.LIS/${q.lis}`);
    else if (key === 'IV.4L') out.push(`IV.4L.${ORI}.TXT\nLIC/${q.lic}`);
    else if (key === 'IV.4V') out.push(`IV.4V.${ORI}.TXT\nVIN/${q.vin}`);
    else throw new Error(`no inquiry written for message key ${key}`);
  }
  return out;
}

function markupProblems(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
    const tag = m[1]!.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) problems.push(`element <${tag}>`);
    for (const a of (m[2] ?? '').matchAll(/([^\s=]+)(?:="[^"]*")?/g)) {
      if (!ALLOWED_ATTRIBUTES.has(a[1]!.toLowerCase())) problems.push(`attribute ${a[1]} on <${tag}>`);
    }
  }
  if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(html)) problems.push('a raw control character');
  if (/[\u202a-\u202e\u2066-\u2069]/.test(html)) problems.push('a raw bidi embedding, override or isolate');
  // Outside the raw view (exact text, each line in its own <bdi>) not even a bidi mark or zero-width character.
  const formatted = html.replace(/<pre class="reply-raw__text">[^]*?<\/pre>/, '');
  if (/[\u200b-\u200f\u061c\u2028\u2029\ufeff]/.test(formatted)) problems.push('a raw bidi mark or invisible character');
  // No link, source, style or handler: none of those attributes is allowed above; and no URL scheme in one.
  for (const v of html.matchAll(/="([^"]*)"/g)) if (/^\s*(javascript|data|vbscript):/i.test(v[1]!)) problems.push(`a URL attribute value ${v[1]}`);
  return problems;
}

let records: HostileRecord[];
beforeAll(() => {
  records = hostileRecords(ds());
});

describe('hostile records', () => {
  it('the data set lists them (persons and vehicles, every field)', () => {
    expect(records.length).toBe(300);
    expect(new Set(records.map((h) => `${h.kind}:${h.field}`))).toEqual(
      new Set(['person:MIS', 'person:ADR', 'person:AKA', 'person:SMT', 'vehicle:MIS']),
    );
  });

  it('every payload shows as text, adds no markup, and does not change the kind of return', () => {
    let rendered = 0;
    for (const h of records) {
      for (const inquiry of inquiriesFor(h)) {
        const replyText = ask(inquiry);
        const decoded = decodeReply(replyText);
        const where = `${h.kind} ${h.id} ${h.field} via ${inquiry.split('.')[0]}.${inquiry.split('.')[1]}`;
        expect(decoded.kind, where).toBe('hit');
        // Buttons on, raw text open: the most markup the view can write.
        const html = renderOpen(viewOf(replyText), { onConfirmHit: () => undefined, onRequestRecord: () => undefined });
        expect(html, where).toContain('class="reply-raw__text"');
        expect(markupProblems(html), where).toEqual([]);
        for (const tag of ['<script', '<img', '<svg', '<iframe', '<a ', '<b>', '<style', '<meta', '<form', '<input']) expect(html, where).not.toContain(tag);
        // The payload is on the page as escaped text, with invisible characters made visible.
        expect(html, where).toContain(escapeHtml(visibleText(h.payload)));
        // Structure decides the banner: hot-file records are hits, DMV and history records are not.
        const types = new Set(decoded.kind === 'hit' ? decoded.records.map((r) => r.type) : []);
        const hot = types.has('person') || types.has('vehicle');
        expect(html.includes('HIT —'), where).toBe(hot);
        expect(html, where).not.toContain('NO RECORD —');
        expect(html, where).not.toContain('NOT UNDERSTOOD');
        rendered++;
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(400);
  });

  it('the raw view holds the hostile text as text too', () => {
    const h = records.find((r) => r.payload.startsWith('<script>'))!;
    const replyText = ask(inquiriesFor(h)[0]!);
    const html = render(viewOf(replyText, { kind: 'no_record' })); // mismatch: raw opens
    expect(html).toContain('class="reply-raw__text"');
    expect(markupProblems(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;\\/script&gt;');
  });
});
