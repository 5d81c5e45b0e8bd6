import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCcmJourney, startJourneyCloud } from './ccm-journey';

/**
 * `npm run demo`: the CCM journey against a freshly started local cloud, narrated step by step.
 * Exits non-zero if any step diverges from what the journey expects.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'CRITICAL';
let step = 0;
const started = Date.now();
const cloud = await startJourneyCloud();
let failed = false;
try {
  console.log(`Local cloud ready at ${cloud.apiUrl}\n`);
  const result = await runCcmJourney(cloud, (text, detail) => {
    step++;
    console.log(`${String(step).padStart(2)}. ${text}`);
    if (detail) console.log(`    ${detail}`);
  });
  const expected = '99439 ×1, 99490 ×1';
  const actual = result.claimLines.map((l) => `${l.code} ×${l.units}`).join(', ');
  if (actual !== expected) throw new Error(`expected claim lines ${expected}, got ${actual}`);
  if (!result.webhooksVerified) throw new Error('a webhook signature did not verify');
  const folder = join(process.cwd(), '.carelink', 'demo');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const files = {
    'claims.csv': result.exports.csv,
    'claims.fhir.json': `${JSON.stringify(result.exports.fhir, null, 2)}\n`,
    'claims.x12': result.exports.x12,
  };
  // The exports name the (synthetic) patient: readable by the owner only, like every file under .carelink.
  for (const [name, body] of Object.entries(files)) writeFileSync(join(folder, name), body, { mode: 0o600 });
  console.log(`\nClaims written to ${folder}: ${Object.keys(files).join(', ')}`);
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: October claim lines ${actual}.`);
} catch (error) {
  failed = true;
  console.error(`\nThe demo diverged: ${(error as Error).message}`);
} finally {
  await cloud.stop();
}
process.exit(failed ? 1 : 0);
