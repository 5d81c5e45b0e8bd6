import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consoleApiTypes } from '../src/api-types-source';

/** Writes the console's API types from docs/openapi.json (part of npm run generate). */
const root = join(import.meta.dirname, '../../..');
const document = JSON.parse(await readFile(join(root, 'docs/openapi.json'), 'utf8'));
await writeFile(join(root, 'packages/console/src/api-types.ts'), await consoleApiTypes(document));
console.log('wrote packages/console/src/api-types.ts');
