import { suites } from './suites';

/**
 * Runs one suite and prints its figures as one JSON line. Each suite gets its own process because
 * handler modules (like Lambda's) keep their configuration from first load: one local cloud per process.
 */
const name = process.argv[2] ?? '';
const suite = suites[name];
if (!suite) throw new Error(`unknown suite ${name}`);
const figures = await suite();
process.stdout.write(`\nFIGURES ${JSON.stringify(figures)}\n`);
process.exit(0);
