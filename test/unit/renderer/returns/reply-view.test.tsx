// What the clerk sees of a CLETS return: the kind decided from structure (never a keyword), hits set
// apart with their caveat, rap sheets by arrest → charge → disposition, candidates that lead to a
// record request, not-searched answers said plainly, withheld addresses, and the raw text one click away.
import { describe, expect, it, vi } from 'vitest';
import { candidateRecordKey, decodeReply, describeErCode, PERSONS_CAVEAT, type CandidateRecordKey } from '../../../../shared/codec';
import { MISMATCH_WARNING, ReplyContent } from '../../../../renderer/src/components/returns/ReplyView';
import { visibleText } from '../../../../renderer/src/components/returns/text';
import { ask, escapeHtml, header, ORI, render, text, viewOf, visibleTextOf } from './support';
import { buttons, click, expand, findAll, nameOf, textOf } from './tree';

const doeText = () => ask(`IW.QW.${ORI}.TXT\nNAM/DOE, JOHN.DOB/19800115`);

function content(replyText: string, over: Partial<Parameters<typeof ReplyContent>[0]> = {}) {
  const view = viewOf(replyText);
  return expand(
    <ReplyContent view={view} decoded={decodeReply(replyText)} idPrefix="r1" rawOpen={false} onToggleRaw={() => undefined} {...over} />,
  );
}

describe('hits', () => {
  it('DOE, JOHN: a HIT banner as an alert, with the persons caveat and the record laid out', () => {
    const html = render(viewOf(doeText()));
    expect(html).toMatch(/<div class="reply-banner reply-banner--hit" role="alert"><p class="reply-banner__title">.*HIT — WANTED PERSON/);
    expect(html).toContain(PERSONS_CAVEAT);
    expect(html).toContain('TRAINING — synthetic data');
    const shown = visibleTextOf(html);
    expect(shown).toContain('WANTED PERSON DOE, JOHN Q · 1980-01-15 · NIC W000000001');
    expect(shown).toMatch(/Offense OFF.*ROBBERY/);
    expect(shown).toMatch(/Case number \(OCA\) OCA24-001234/);
    expect(shown).toMatch(/Date of birth DOB1980-01-15/);
    expect(shown).toMatch(/Sex SEXM \(Male\)/);
    expect(shown).toMatch(/Height HGT5 ft 10 in \(510\)/);
    // The extra field (AGY) is shown too: nothing dropped.
    expect(shown).toMatch(/Agency AGY/);
    expect(html).toMatch(/<h3 class="reply-record__title" id="r1-record-0">/);
  });

  it('shows PERSONS_CAVEAT for persons records even when the reply carries no caveat line', () => {
    const decoded = decodeReply(doeText());
    if (decoded.kind !== 'hit') throw new Error('expected a hit');
    const bare = text({ kind: 'hit', header: header('IW.QW'), training: false, records: decoded.records, caveat: undefined as unknown as string });
    // formatReply itself adds the caveat; strip it to get a reply without one.
    const withoutCaveat = bare.split('\n').filter((l) => !l.startsWith('WARNING-')).join('\n');
    expect(decodeReply(withoutCaveat)).toMatchObject({ kind: 'hit' });
    expect(render(viewOf(withoutCaveat))).toContain(PERSONS_CAVEAT);
  });

  it('KEYWORD, KATE: remarks saying NOT ON FILE and NO RECORD do not unmake the hit', () => {
    const html = render(viewOf(ask(`IW.QW.${ORI}.TXT\nNAM/KEYWORD, KATE.DOB/19880808`)));
    expect(html).toContain('HIT — WANTED PERSON');
    expect(html).not.toContain('NO RECORD —');
    expect(html).not.toContain('reply-banner--clear');
    expect(visibleTextOf(html)).toContain('NOT ON FILE');
  });

  it('1TRN006: a registration whose remarks read MKE/WANTED PERSON is a record, not a hit', () => {
    const html = render(viewOf(ask(`IV.4L.${ORI}.TXT\nLIC/1TRN006`)), { onConfirmHit: () => undefined });
    expect(html).toContain('RECORD RETURNED — VEHICLE REGISTRATION');
    expect(html).not.toContain('HIT —');
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('Confirm hit');
    expect(visibleTextOf(html)).toContain('MKE/WANTED PERSON NIC/W999999999 (TEXT ONLY, NOT A WANT)');
  });

  it('a stolen vehicle is a hit with a confirm button that names the record', () => {
    const onConfirmHit = vi.fn();
    const tree = content(ask(`IA.QV.${ORI}.TXT\nLIC/1TRN001.LIS/CA`), { onConfirmHit });
    const confirm = buttons(tree).filter((b) => textOf(b) === 'Confirm hit (YQ)');
    expect(confirm).toHaveLength(1);
    expect(nameOf(confirm[0]!)).toBe('Confirm hit (YQ) for STOLEN VEHICLE plate 1TRN001 CA · 2019 HOND CIVIC · NIC V000000001');
    click(confirm[0]!);
    expect(onConfirmHit).toHaveBeenCalledWith(0);
  });

  it('"Confirm hit (YQ)" calls back with the record index; no buttons without a callback', () => {
    const onConfirmHit = vi.fn();
    const tree = content(doeText(), { onConfirmHit });
    const confirm = buttons(tree).find((b) => nameOf(b).startsWith('Confirm hit (YQ) for WANTED PERSON DOE, JOHN Q · 1980-01-15'));
    expect(confirm).toBeDefined();
    click(confirm!);
    expect(onConfirmHit).toHaveBeenCalledWith(0);
    expect(buttons(content(doeText())).map(textOf)).toEqual(['Show raw return']);
  });
});

describe('DMV records', () => {
  it('a licence not in order is flagged by its status field; a valid one is not', () => {
    const suspended = render(viewOf(ask(`ID.L1.${ORI}.TXT\nOLN/T0000001`)));
    expect(suspended).toContain('RECORD RETURNED — DRIVER LICENSE');
    expect(suspended).toContain('<bdi class="reply-value reply-value--flag">SUSPENDED</bdi>');
    expect(render(viewOf(ask(`ID.L1.${ORI}.TXT\nOLN/T0000009`)))).toContain('<bdi class="reply-value reply-value--flag">EXPIRED</bdi>');
    const valid = render(viewOf(ask(`ID.L1.${ORI}.TXT\nOLN/T0000003`)));
    expect(valid).not.toContain('reply-value--flag');
    expect(visibleTextOf(valid)).toMatch(/Status STSVALID/);
    expect(visibleTextOf(valid)).toMatch(/Restrictions RSTCORR LENS/);
  });
});

describe('rap sheets', () => {
  it('ROE, JANE: subject, then each arrest with its charges and dispositions, then custody and probation', () => {
    const html = render(viewOf(ask(`IH.QR.${ORI}.TXT\nCII/T00000002.PUR/C.ATN/TRAINING`)));
    expect(html).toContain('RECORD RETURNED — CRIMINAL HISTORY');
    expect(html).not.toContain('HIT —');
    const shown = visibleTextOf(html);
    const order = [
      'CRIMINAL HISTORY ROE, JANE A · 1985-03-22',
      'Subject',
      'CII number CIIT00000002',
      'Aliases AKAROE, JANIE; ROWE, JANE',
      'Arrests (3)',
      'Arrest 1 — 2008-05-17 — SAN JOSE PD CA0430200',
      'PC 484(A)',
      'M (Misdemeanor)',
      'PETTY THEFT',
      'Disposition date:',
      'CONVICTED',
      '10 DAYS JAIL, FINE',
      'Arrest 2 — 2013-11-21 — SAN JOSE PD CA0430200',
      'HS 11378',
      '16 MONTHS PRISON',
      'PC 148(A)(1)',
      'OBSTRUCT/RESIST PUBLIC OFFICER',
      'DISMISSED',
      'Arrest 3 — 2021-07-08 — LOS ANGELES SO CA0190000',
      'DUI ALCOHOL',
      '3 YEARS PROBATION, DUI PROGRAM',
      'Custody (1)',
      'CDCR',
      'PRISON',
      '2015-08-01',
      'Probation (1)',
      'LOS ANGELES PROBATION',
      '3 YEARS',
      '2024-10-15',
    ];
    let at = -1;
    for (const piece of order) {
      const next = shown.indexOf(piece, at + 1);
      expect(next, `"${piece}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    // Semantic structure: record h3, parts h4, arrests h5, a table of charges per arrest.
    expect(html.match(/<h4 /g)).toHaveLength(4);
    expect(html.match(/<h5 /g)).toHaveLength(3);
    expect(html.match(/<th scope="col">Dispositions<\/th>/g)).toHaveLength(3);
    expect(html.match(/<tr id="r1-record-0-arrest-1-charge-\d">/g)).toHaveLength(2);
  });
});

describe('candidates', () => {
  const smithText = () => ask(`IH.QH.${ORI}.TXT\nNAM/SMITH, JOHN.SEX/M.PUR/C.ATN/TRAINING`);

  it('SMITH, JOHN: a table of candidates, each with a request button naming the subject', () => {
    const html = render(viewOf(smithText()), { onRequestRecord: () => undefined });
    expect(html).toMatch(/CANDIDATES — \d+ possible matches/);
    expect(html).not.toContain('HIT —');
    expect(html).toContain('aria-label="Request record for SMITH, JOHN 1960-01-01 by SID CA00000010"');
    expect(html).toContain('<th scope="col">Identifiers</th>');
  });

  it('each button requests that candidate by its record key (FBI, then SID, then CII)', () => {
    const t = smithText();
    const decoded = decodeReply(t);
    if (decoded.kind !== 'candidates') throw new Error('expected candidates');
    const calls: CandidateRecordKey[] = [];
    const requests = buttons(content(t, { onRequestRecord: (k) => calls.push(k) })).filter((b) => textOf(b) === 'Request record');
    expect(requests).toHaveLength(decoded.candidates.length);
    requests.forEach(click);
    expect(calls).toEqual(decoded.candidates.map((c) => candidateRecordKey(c)));
    expect(calls[0]).toEqual({ code: 'SID', value: 'CA00000010' });
    expect(nameOf(requests[2]!)).toBe('Request record for SMITH, JOHN C 1970-09-23 by SID CA00000012');
  });

  it('without a callback there are no request buttons, but the key is shown', () => {
    const html = render(viewOf(smithText()));
    expect(html).not.toContain('Request record');
    expect(visibleTextOf(html)).toContain('By SID CA00000010');
  });
});

describe('no record, errors, confirmations, messages', () => {
  it('NOT ON FILE is a calm no-record answer with what was searched', () => {
    const html = render(viewOf(ask(`IW.QW.${ORI}.TXT\nNAM/CLEAN, CARL.DOB/19700704`)));
    expect(html).toMatch(/reply-banner--clear" role="status".*NO RECORD — NOT ON FILE/);
    expect(html).toContain('No matching record was found.');
    expect(visibleTextOf(html)).toMatch(/Searched for.*Name NAMCLEAN, CARL/);
  });

  it.each(['FILE NOT AVAILABLE', 'TEMPORARILY UNAVAILABLE'] as const)('%s says prominently that the file was NOT searched', (reason) => {
    const t = text({ kind: 'no_record', header: header('IW.QW'), training: true, reason, echo: [{ code: 'NAM', value: 'DOE, JOHN' }] });
    const html = render(viewOf(t));
    expect(html).toMatch(new RegExp(`reply-banner--error" role="alert">.*NOT SEARCHED — ${reason}`));
    expect(html).toContain('The file was NOT searched. This is not a “no record” answer');
    expect(html).not.toContain('NO RECORD —');
  });

  it('ER shows its code and what it means, the switch text, details and the original message', () => {
    const html = render(viewOf(ask(`IW.QW.${ORI}.TXT\nNAM/DOE, JOHN.DOB/19801399`)));
    expect(html).toContain('SWITCH ERROR .05.');
    expect(html).toContain(escapeHtml(describeErCode('05')));
    const shown = visibleTextOf(html);
    expect(shown).toContain('DOB INVALID OR MISSING');
    expect(shown).toContain('19801399 IS NOT ON THE CALENDAR');
    expect(shown).toContain('Original message');
    expect(shown).toContain('NAM/DOE, JOHN.DOB/19801399');
  });

  it('an unknown ER code still gets a description', () => {
    const html = render(viewOf(text({ kind: 'error', header: header('ER'), training: false, code: '77', text: 'ODD', details: [] })));
    expect(html).toContain(escapeHtml(describeErCode('77')));
  });

  it('YR: confirmed and not confirmed are told apart in words', () => {
    const yes = render(viewOf(ask(`YQ.${ORI}.CA0340400.TXT\nRTY/W.RNO/1.PRI/U.OCA/24-001234.NIC/W000000001`)));
    expect(yes).toContain('HIT CONFIRMED');
    expect(yes).not.toContain('NOT CONFIRMED');
    const no = render(viewOf(ask(`YQ.${ORI}.CA0340400.TXT\nRTY/W.RNO/1.PRI/U.OCA/99-999999.NIC/W000000001`)));
    expect(no).toContain('HIT NOT CONFIRMED');
    expect(visibleTextOf(no)).toContain('OCA DOES NOT MATCH');
  });

  it('AM and $. messages show their text as text', () => {
    const am = render(viewOf(text({ kind: 'admin', header: header('AM'), training: true, text: 'LINE 1\n<b>LINE 2</b>' })));
    expect(am).toContain('ADMINISTRATIVE MESSAGE');
    expect(am).toContain('&lt;b&gt;LINE 2&lt;/b&gt;');
    expect(am).not.toContain('<b>');
    const decoded = decodeReply(doeText());
    if (decoded.kind !== 'hit') throw new Error('expected a hit');
    const delayed = render(viewOf(text({ kind: 'unsolicited', header: header('$.H'), training: true, code: 'H', text: 'DELAYED HIT', records: decoded.records })));
    expect(delayed).toContain('HIT — WANTED PERSON');
    expect(delayed).toContain('Delayed hit: a record entered after an earlier inquiry matches it.');
    const plain = render(viewOf(text({ kind: 'unsolicited', header: header('$.2'), training: false, code: '2', records: [] })));
    expect(plain).toContain('SWITCH MESSAGE $.2');
    expect(plain).not.toContain('TRAINING');
  });
});

describe('trust', () => {
  it('when the main process and the decode disagree, neither is trusted: not understood, raw open', () => {
    for (const [t, claimed] of [
      [doeText(), 'no_record'],
      [ask(`IW.QW.${ORI}.TXT\nNAM/CLEAN, CARL.DOB/19700704`), 'hit'],
    ] as const) {
      const html = render(viewOf(t, { kind: claimed }));
      expect(html).toContain(MISMATCH_WARNING);
      expect(html).not.toContain('HIT —');
      expect(html).not.toContain('NO RECORD —');
      expect(html).toContain('aria-expanded="true"');
      expect(html).toContain('class="reply-raw__text"');
    }
  });

  it('text the codec cannot read is not understood, with the reason and the raw text open', () => {
    const raw = 'GARBAGE\u001b[2J <script>alert(1)</script>';
    const html = render(viewOf(raw));
    expect(html).toContain('NOT UNDERSTOOD');
    expect(html).toContain('The return could not be read:');
    expect(html).toContain('aria-expanded="true"');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
  });

  it('a confidential DMV address is shown as withheld, never as a value', () => {
    const html = render(viewOf(ask(`ID.L1.${ORI}.TXT\nOLN/T0000004`)));
    expect(html).toContain('Address withheld — confidential (VC 1808.4)');
    expect(visibleTextOf(html)).not.toMatch(/Address ADRCONFIDENTIAL/);
    const owner = render(viewOf(ask(`IV.4L.${ORI}.TXT\nLIC/1TRN004`)));
    expect(owner).toContain('Address withheld — confidential (VC 1808.4)');
  });

  it('an address the main process withheld for the role is shown as withheld, with a notice', () => {
    const t = text({
      kind: 'hit',
      header: header('ID.L1'),
      training: false,
      records: [{ type: 'licence', fields: { NAM: 'PROTECTED, PAT', OLN: 'T0000004', ADR: 'WITHHELD - VC 1808.4' }, extra: [] }],
    });
    const html = render(viewOf(t, { withheld: true }));
    expect(html).toContain('role="note"');
    expect(html).toContain('Your role may not see a confidential DMV address');
    expect(html).not.toContain('WITHHELD - VC 1808.4');
    expect(html).not.toContain('TRAINING');
  });

  it('the raw text is one click away and exactly as received', () => {
    const t = doeText();
    const closed = render(viewOf(t));
    expect(closed).toContain('<button type="button" class="button button--small button--quiet reply-raw__toggle" aria-expanded="false" aria-controls="r1-raw">Show raw return</button>');
    expect(closed).toContain('<div id="r1-raw" class="reply-raw__panel"></div>');
    const onToggleRaw = vi.fn();
    const tree = content(t, { onToggleRaw });
    click(buttons(tree).find((b) => textOf(b) === 'Show raw return')!);
    expect(onToggleRaw).toHaveBeenCalledTimes(1);
    const open = content(t, { rawOpen: true });
    const [pre] = findAll(open, (n) => n.type === 'pre' && n.props.className === 'reply-raw__text');
    expect(textOf(pre!)).toBe(t);
    expect(findAll([pre!], (n) => n.type === 'bdi')).toHaveLength(t.split('\n').length);
  });

  it('raw text keeps CRLF and control characters exactly, each line isolated', () => {
    const raw = 'ODD\r\nLINE \u202eTWO\u001b';
    const [pre] = findAll(content(raw, { rawOpen: true }), (n) => n.type === 'pre' && n.props.className === 'reply-raw__text');
    expect(textOf(pre!)).toBe(raw);
  });
});

describe('accessibility', () => {
  it('headings start at h3 (under the workspace h2) and never skip a level', () => {
    for (const q of [
      `IW.QW.${ORI}.TXT\nNAM/DOE, JOHN.DOB/19800115`,
      `IH.QR.${ORI}.TXT\nCII/T00000002.PUR/C.ATN/TRAINING`,
      `IW.QW.${ORI}.TXT\nNAM/DOE, JOHN.DOB/19801399`,
      `IW.QW.${ORI}.TXT\nNAM/CLEAN, CARL.DOB/19700704`,
    ]) {
      const levels = [...render(viewOf(ask(q))).matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
      expect(levels[0], q).toBe(3);
      levels.forEach((l, i) => expect(l - (levels[i - 1] ?? 2), q).toBeLessThanOrEqual(1));
    }
  });

  it('every button is a real <button type="button"> with a name', () => {
    const tree = content(doeText(), { onConfirmHit: () => undefined, rawOpen: true });
    for (const b of buttons(tree)) {
      expect(b.props.type).toBe('button');
      expect(nameOf(b).length).toBeGreaterThan(5);
    }
  });
});

describe('visibleText', () => {
  it('makes controls, bidi overrides, zero-width characters and lone surrogates visible', () => {
    expect(visibleText('A\u001bB\u0000C\u007fD')).toBe('A␛B␀C␡D');
    expect(visibleText('\u202eDETNAW\u202c')).toBe('⟪U+202E⟫DETNAW⟪U+202C⟫');
    expect(visibleText('\u2066X\u2069\u200bY\ufeff')).toBe('⟪U+2066⟫X⟪U+2069⟫⟪U+200B⟫Y⟪U+FEFF⟫');
    expect(visibleText('C1\u009b')).toBe('C1⟪U+009B⟫');
    expect(visibleText('LONE \ud800 END \udc00')).toBe('LONE ⟪U+D800⟫ END ⟪U+DC00⟫');
    expect(visibleText('\ud83d\ude93 مرحبا')).toBe('\ud83d\ude93 مرحبا');
  });
});
