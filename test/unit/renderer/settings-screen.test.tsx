// The settings screen's "Inquiry rules" section, rendered to markup (no DOM): every control labelled,
// the mask rules explained, a live example under each mask, the DMV switch and the role boxes.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../../renderer/src/components/settings/SettingsScreen';
import { maskExample } from '../../../renderer/src/components/settings/InquiryRulesSection';
import type { WorkstationSettings } from '../../../shared/contract/session-schemas';
import { SETTINGS } from './fake-api';

const render = (value: WorkstationSettings, outcome: Parameters<typeof SettingsScreen>[0]['outcome'] = null) =>
  renderToStaticMarkup(<SettingsScreen value={value} loading={false} loadError={null} outcome={outcome} onSave={async () => true} />);

/** Every input, textarea and select has a label pointing at it, or sits inside one. */
function unlabelled(html: string): string[] {
  const ids = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((m) => m[1]));
  const problems: string[] = [];
  const withoutWrapped = html.replace(/<label(?![^>]*\sfor=)[^>]*>[\s\S]*?<\/label>/g, '');
  for (const m of withoutWrapped.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
    const id = /\sid="([^"]+)"/.exec(m[2] ?? '')?.[1];
    if (id === undefined || !ids.has(id)) problems.push(m[0]);
  }
  return problems;
}

describe('Settings screen: inquiry rules', () => {
  it('shows the formats with their masks, a live example of each, and explains the mask rules', () => {
    const html = render(SETTINGS);
    expect(html).toContain('<h3 id="inquiry-rules-title" class="settings-group__title">Inquiry rules</h3>');
    expect(html).toMatch(/<strong>9<\/strong> is a digit, <strong>A<\/strong> a letter, <strong>#<\/strong> a letter or digit/);
    for (const [n, label, mask] of [
      [1, 'Report number', '99-999999'],
      [2, 'Call number', 'C99-999999'],
      [3, 'Case number', '9999-99999'],
    ] as const) {
      expect(html).toContain(`Format ${n} label</label>`);
      expect(html).toContain(`value="${label}"`);
      expect(html).toContain(`value="${mask}"`);
      expect(html).toContain(`Remove format ${n}`);
    }
    expect(html).toContain('Example: 14-703692');
    expect(html).toContain('Example: C14-703692');
    expect(html).toContain('Add a reference format');
    expect(unlabelled(html)).toEqual([]);
  });

  it('has the DMV switch on and no role ticked by default, and a box for every role', () => {
    const html = render(SETTINGS);
    expect(html).toMatch(/<input type="checkbox" checked=""\/><span><strong>DMV inquiries need a purpose and a reference<\/strong>/);
    for (const role of ['Dispatcher', 'Records', 'Supervisor (release)', 'Criminal Records Security Officer', 'Workstation administrator']) {
      expect(html).toContain(`<input type="checkbox"/>${role}</label>`);
    }
    expect(html).toContain('Justification for looser inquiry rules</label>');
    expect(html).not.toContain('aria-required');
  });

  it('shows loosened rules as they are, and marks the justification as required', () => {
    const html = render({
      ...SETTINGS,
      inquiryPolicy: { ...SETTINGS.inquiryPolicy, dmvReferenceRequired: false, confidentialAddressRoles: ['crso'] },
      inquiryPolicyJustification: 'Policy 7.3: the CRSO reviews them',
    });
    expect(html).toMatch(/<input type="checkbox"\/><span><strong>DMV inquiries need a purpose and a reference/);
    expect(html).toContain('<input type="checkbox" checked=""/>Criminal Records Security Officer</label>');
    expect(html).toContain('Justification for looser inquiry rules (required)</label>');
    expect(html).toContain('aria-required="true"');
    expect(html).toContain('>Policy 7.3: the CRSO reviews them</textarea>');
  });

  it('marks the refused field and says why', () => {
    const html = render(SETTINGS, { ok: false, message: 'The mask of format 2 needs at least one 9.', field: 'format-mask-1', seq: 1 });
    expect(html).toMatch(/data-field="format-mask-1"[^>]*aria-invalid="true"/);
    expect(html).toContain('The mask of format 2 needs at least one 9.');
  });

  it('can neither remove the last format nor add an eleventh', () => {
    const one = render({ ...SETTINGS, inquiryPolicy: { ...SETTINGS.inquiryPolicy, referenceFormats: [{ label: 'Report', mask: '99-999' }] } });
    expect(one).toMatch(/<button type="button" class="button button--quiet button--small" disabled="">Remove format 1<\/button>/);
    const ten = render({
      ...SETTINGS,
      inquiryPolicy: { ...SETTINGS.inquiryPolicy, referenceFormats: Array.from({ length: 10 }, (_, i) => ({ label: `F${i}`, mask: `99-99${i}` })) },
    });
    expect(ten).toMatch(/disabled="">Add a reference format/);
  });

  it('explains a mask that is not one yet', () => {
    expect(maskExample('')).toBe('Type a mask to see an example.');
    expect(maskExample('99/9')).toMatch(/Not a mask yet/);
    expect(maskExample('AAAA')).toMatch(/at least one 9/);
    expect(maskExample('i99-99')).toBe('Example: I14-70');
  });
});
