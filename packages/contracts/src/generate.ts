import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { generatedArtifacts } from './artifacts';

/** Writes docs/openapi.json and docs/events/*.schema.json from the contracts (npm run generate). */
const root = resolve(import.meta.dirname, '../../..');
const files = generatedArtifacts();
const eventsDir = join(root, 'docs/events');
for (const stale of await readdir(eventsDir).catch(() => [])) {
  if (!files.has(`docs/events/${stale}`)) await rm(join(eventsDir, stale));
}
for (const [path, content] of files) {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}
console.log(`wrote ${files.size} files under docs/`);

// `npm run generate -- --release` records the current event schemas as released: from then on a
// breaking change to one of these versions fails the compatibility test.
if (process.argv.includes('--release')) {
  const released = join(root, 'packages/contracts/released/events');
  await mkdir(released, { recursive: true });
  for (const [path, content] of files) {
    if (path.startsWith('docs/events/') && path.endsWith('.schema.json')) {
      await writeFile(join(released, path.slice('docs/events/'.length)), content);
    }
  }
  console.log('recorded the event schemas as released');
}
