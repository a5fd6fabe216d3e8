// The inquiry forms' own rules: fields from the codec's table, problems from the codec and the
// need-to-know policy keyed by the control they are about, and the request the form sends.
import { describe, expect, it } from 'vitest';
import { FORM_KINDS, NAME_IS_NOT_ENOUGH, DEFAULT_REFERENCE_FORMATS } from '../../../../shared/policy/inquiry-policy';
import type { InquiryPolicyView } from '../../../../shared/contract/inquiry-channels';
import { inquiryRequestSchema } from '../../../../shared/contract/inquiry-channels';
import { checkForm, emptyValues, formFields, kindForKey, problemsByControl, requestOf, type FormValues } from '../../../../renderer/src/components/inquiry/form-model';

const POLICY: InquiryPolicyView = { kinds: [...FORM_KINDS], referenceFormats: DEFAULT_REFERENCE_FORMATS.map((f) => ({ ...f })), dmvReferenceRequired: true, ori: 'CA0349999' };
const TODAY = new Date(Date.UTC(2026, 10, 23, 12));
const OP = 'TREC01';

function values(kind: (typeof FORM_KINDS)[number], fields: FormValues['fields'], ntk: Partial<FormValues['ntk']> = {}, destinations = ''): FormValues {
  const v = emptyValues(kind);
  return { fields, destinations, ntk: { ...v.ntk, ...ntk } };
}

describe('inquiry form model', () => {
  it('takes each form’s fields from the codec’s table, in wire order', () => {
    expect(formFields('wanted_person').map((f) => f.name)).toEqual(['nam', 'dob', 'sex', 'rac', 'fbi', 'soc', 'oln', 'ols']);
    expect(formFields('ca_history_cii')).toEqual([{ name: 'cii', required: true }]);
    expect(formFields('iii_name').filter((f) => f.required).map((f) => f.name)).toEqual(['nam', 'dob', 'sex']);
  });

  it('maps F2–F9 and Shift+F2–F7 to the forms the operator may use', () => {
    expect(kindForKey('F2', false, FORM_KINDS)).toBe('wanted_person');
    expect(kindForKey('F5', true, FORM_KINDS)).toBe('nlets_registration');
    expect(kindForKey('F8', false, ['wanted_person'])).toBeNull();
  });

  it('refuses a name as the reference in the seeds’ words, on the reference field', () => {
    const p = problemsByControl(checkForm('ca_history_cii', values('ca_history_cii', { cii: 'T00000002' }, { purpose: 'C', reference: 'Robin Hale' }), POLICY, OP, TODAY));
    expect(p.reference).toContain(NAME_IS_NOT_ENOUGH);
    expect(Object.keys(p)).toEqual(['reference']);
  });

  it('needs purpose and reference for history, a reference for DMV, neither for wanted persons', () => {
    expect(Object.keys(problemsByControl(checkForm('iii_record', values('iii_record', { fbi: '000002TR2' }), POLICY, OP, TODAY))).sort()).toEqual(['purpose', 'reference']);
    expect(Object.keys(problemsByControl(checkForm('dmv_licence_oln', values('dmv_licence_oln', { oln: 'T0000003' }), POLICY, OP, TODAY)))).toEqual(['reference']);
    expect(checkForm('dmv_licence_oln', values('dmv_licence_oln', { oln: 'T0000003' }), { ...POLICY, dmvReferenceRequired: false }, OP, TODAY)).toEqual([]);
    expect(checkForm('wanted_person', values('wanted_person', { nam: 'DOE, JOHN', dob: '19800115' }), POLICY, OP, TODAY)).toEqual([]);
  });

  it('shows the codec’s field rules in its words, next to the field', () => {
    const p = problemsByControl(checkForm('wanted_person', values('wanted_person', { nam: 'DOE JOHN', dob: '19801315' }), POLICY, OP, TODAY));
    expect(p.nam).toBe('Name must be written LAST, FIRST MIDDLE SUFFIX, with a comma after the last name.');
    expect(p.dob).toMatch(/is not on the calendar/);
    const forged = problemsByControl(checkForm('wanted_person', values('wanted_person', { nam: 'SMITH.DOB/19000101', sex: 'M' }), POLICY, OP, TODAY));
    expect(forged.nam).toBe('Name cannot contain periods.');
    expect(problemsByControl(checkForm('stolen_vehicle', values('stolen_vehicle', { lic: '1TRN001' }), POLICY, OP, TODAY)).lis).toBe('A plate search needs the plate state.');
  });

  it('fixes Nlets forms to another state and asks for the agency action and the destinations', () => {
    const p = problemsByControl(checkForm('nlets_licence', values('nlets_licence', { oln: 'T0000003' }, { reference: '24-000123', jurisdiction: 'local' }), POLICY, OP, TODAY));
    expect(p.agencyAction).toMatch(/agency is taking/);
    expect(p.destinations).toMatch(/Choose 1 to 5 destination states/);
    expect(p.jurisdiction).toBeUndefined();
    const ok = values('nlets_licence', { oln: 'T0000003' }, { reference: '24-000123', agencyAction: 'warrant service for case 24-001234' }, 'ca');
    expect(checkForm('nlets_licence', ok, POLICY, OP, TODAY)).toEqual([]);
    expect(requestOf('nlets_licence', ok, OP)).toMatchObject({ destinations: ['CA'], needToKnow: { jurisdiction: 'out-of-state' } });
  });

  it('asks the operator to confirm a requestor’s right and need to know', () => {
    const v = values('wanted_person', { nam: 'DOE, JOHN', sex: 'M' }, { requestor: 'tdisp01' });
    expect(problemsByControl(checkForm('wanted_person', v, POLICY, OP, TODAY)).requestorVerified).toMatch(/verified the requestor/);
    const confirmed = { ...v, ntk: { ...v.ntk, requestorVerified: true } };
    expect(checkForm('wanted_person', confirmed, POLICY, OP, TODAY)).toEqual([]);
    expect(requestOf('wanted_person', confirmed, OP).needToKnow).toMatchObject({ requestor: 'TDISP01', requestorVerified: true });
    // The operator's own ID as requestor is no other employee.
    expect(checkForm('wanted_person', values('wanted_person', { nam: 'DOE, JOHN', sex: 'M' }, { requestor: 'trec01' }), POLICY, OP, TODAY)).toEqual([]);
  });

  it('builds requests the contract accepts, with only the fields typed', () => {
    const v = values('iii_name', { nam: ' ROE, JANE A ', dob: '19850322', sex: 'F', rac: '' }, { purpose: 'C', reference: '24-000123' });
    const request = requestOf('iii_name', v, OP);
    expect(request).toEqual({ kind: 'iii_name', fields: { nam: 'ROE, JANE A', dob: '19850322', sex: 'F' }, needToKnow: { purpose: 'C', requestPurpose: 'C', reference: '24-000123', jurisdiction: 'local' } });
    expect(inquiryRequestSchema.safeParse(request).success).toBe(true);
    expect(checkForm('iii_name', v, POLICY, OP, TODAY)).toEqual([]);
  });
});
