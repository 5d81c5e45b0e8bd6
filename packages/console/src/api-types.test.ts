import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleApiTypes } from './api-types-source';

const root = join(import.meta.dirname, '../../..');

describe('the console API types', () => {
  it('are generated from docs/openapi.json (run npm run generate)', async () => {
    const document = JSON.parse(await readFile(join(root, 'docs/openapi.json'), 'utf8'));
    const committed = await readFile(join(import.meta.dirname, 'api-types.ts'), 'utf8');
    expect(committed).toBe(await consoleApiTypes(document));
  });
});
