/**
 * Imported first, before any schema is built: zod must not compile validators with `new Function`,
 * which DVK's Content-Security-Policy forbids (script-src without 'unsafe-eval'). Without this, zod
 * probes for eval on the first object it parses and the browser reports a policy violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
