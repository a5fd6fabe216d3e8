// Inquiry texts for benchmarks, encoded by the codec so the training switch answers them as it would
// a clerk's (hits, no-record and registration replies of realistic size).
//
// The switch keeps a 2,048-entry reply cache. A benchmark that repeated a handful of inquiries would
// measure that cache, not the switch, so the throughput mix draws thousands of distinct subjects from
// the same seeded data set the switch serves: almost every inquiry misses the cache.

import { encodeInquiry, type Inquiry } from '../../shared/codec';
import { createDataset } from '../../switch/dataset';

export const BENCH_ORI = 'CA0340000';

/** A few fixed subjects: the sequential round-trip benchmarks compare like with like. */
const ROUND_TRIP: Inquiry[] = [
  { kind: 'wanted_person', ori: BENCH_ORI, nam: 'DOE, JOHN Q', dob: '19800115', sex: 'M' },
  { kind: 'dmv_licence_oln', ori: BENCH_ORI, oln: 'T0000002' },
  { kind: 'wanted_person', ori: BENCH_ORI, nam: 'NOBODY, NOT ANYONE', dob: '19700101', sex: 'F' },
];

export function benchInquiryTexts(): string[] {
  return ROUND_TRIP.map((i) => encodeInquiry(i));
}

/**
 * `count` distinct inquiries (wanted persons by name and date of birth, registrations by plate,
 * licences by OLN), spread over the default training data set. Deterministic.
 */
export function distinctInquiryTexts(count = 12_000): string[] {
  const ds = createDataset();
  const { persons, vehicles } = ds.counts();
  const texts: string[] = [];
  for (let i = 0; texts.length < count; i++) {
    const person = ds.person((i * 7919) % persons);
    let inquiry: Inquiry;
    switch (i % 3) {
      case 0:
        inquiry = { kind: 'wanted_person', ori: BENCH_ORI, nam: person.name, dob: person.dob, sex: person.sex };
        break;
      case 1:
        inquiry = { kind: 'dmv_registration_plate', ori: BENCH_ORI, lic: ds.vehicle((i * 104_729) % vehicles).plate };
        break;
      default:
        inquiry = person.licence
          ? { kind: 'dmv_licence_oln', ori: BENCH_ORI, oln: person.licence.oln }
          : { kind: 'wanted_person', ori: BENCH_ORI, nam: person.name, dob: person.dob, sex: person.sex };
    }
    try {
      texts.push(encodeInquiry(inquiry));
    } catch {
      // A synthetic value the codec refuses (none expected) is skipped, not sent.
    }
  }
  return texts;
}
