// Imported first by main.tsx. zod compiles object parsers with `new Function` when it can, and to find out
// it tries once — which, under our CSP (no 'unsafe-eval'), is refused and reported as a CSP violation on
// every page load. jitless: the interpreted parsers only, no probe, no report (issue #5: "no CSP violation").
import { z } from 'zod';

z.config({ jitless: true });
