/**
 * Runs in the browser before any of the app's code (Next.js's instrumentation-client file).
 *
 * Zod compiles its object parsers with `new Function` when it may, and probes for that as each
 * object schema is defined. The pages' Content-Security-Policy refuses eval (lib/server/csp.ts),
 * so every page load reported a violation before Zod fell back. In the browser Zod parses without
 * compiling; the server keeps the compiled parsers.
 */
import { z } from 'zod';

z.config({ jitless: true });
