import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Figure } from './figure';
import { suites } from './suites';

/**
 * `npm run bench`: every figure against a baseline measured in the same run, printed as a table and
 * written to bench/results.json. `npm run bench -- rules matcher` runs a subset. Each suite runs in
 * its own Node process (see run-suite.ts).
 */
const selected = process.argv.slice(2).filter((name) => !name.startsWith('-'));
const names = selected.length > 0 ? selected : Object.keys(suites);
const results: Figure[] = [];
const started = Date.now();
for (const name of names) {
  if (!suites[name]) throw new Error(`unknown suite ${name}; known: ${Object.keys(suites).join(', ')}`);
  process.stdout.write(`running ${name}...\n`);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'run-suite.ts'), name],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'CRITICAL' },
    },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('FIGURES '));
  if (child.status !== 0 || !line) {
    process.stderr.write(child.stderr.slice(-4000));
    throw new Error(`suite ${name} failed (exit ${child.status})`);
  }
  // A suite's own tables (rows starting with `|`, e.g. the cost suite's) are shown as it printed them.
  const tables = child.stdout.split('\n').filter((l) => l.startsWith('| '));
  if (tables.length > 0) process.stdout.write(`${tables.join('\n')}\n`);
  results.push(...(JSON.parse(line.slice('FIGURES '.length)) as Figure[]));
}

const fmt = (n: number | null) =>
  n === null ? '-' : n >= 1000 ? Math.round(n).toLocaleString('en-US') : String(n);
const rows = results.map((r) => [
  r.figure,
  `${fmt(r.value)} ${r.unit}`,
  `${fmt(r.baseline)} (${r.baselineLabel})`,
  r.ratio === null ? '-' : `${r.ratio}x`,
  r.target,
  r.pass ? 'pass' : 'FAIL',
]);
const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(
  `\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${rows.map(line).join('\n')}`,
);
for (const r of results.filter((r) => r.note)) console.log(`  ${r.figure}: ${r.note}`);
console.log(
  `\n${results.filter((r) => r.pass).length}/${results.length} figures meet their target (${Math.round((Date.now() - started) / 1000)} s)`,
);
await writeFile(
  join(import.meta.dirname, 'results.json'),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2)}\n`,
);
process.exit(0);
