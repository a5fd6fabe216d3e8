// Every benchmark, in run order. Add a new one by writing bench/<name>.ts exporting a Benchmark and
// listing it here.

import { auditAppend } from './audit-append';
import { auditSearch } from './audit-search';
import { auditVerify } from './audit-verify';
import { inquiryAudit } from './inquiry-audit';
import { linkRoundtrip } from './link-roundtrip';
import { rendererBundle } from './renderer-bundle';
import { switchThroughput } from './switch-throughput';
import { uiInquiry } from './ui-inquiry';
import type { Benchmark } from './lib/types';

export const benchmarks: readonly Benchmark[] = [linkRoundtrip, switchThroughput, auditAppend, auditVerify, auditSearch, inquiryAudit, rendererBundle, uiInquiry];
