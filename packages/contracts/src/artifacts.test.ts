import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedArtifacts } from './artifacts';

const root = resolve(import.meta.dirname, '../../..');

describe('generated documents', () => {
  const files = generatedArtifacts();

  it.each([...files.keys()])('%s is up to date (run npm run generate)', async (path) => {
    const committed = await readFile(join(root, path), 'utf8').catch(() => '(missing)');
    expect(committed).toBe(files.get(path));
  });

  it('has no stale event schema left behind', async () => {
    const present = await readdir(join(root, 'docs/events'));
    expect(present.filter((name) => !files.has(`docs/events/${name}`))).toEqual([]);
  });

  it('produces an OpenAPI 3.1 document with the problem schema', () => {
    const doc = JSON.parse(files.get('docs/openapi.json') ?? '{}');
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Problem).toBeDefined();
  });

  it('gives every request body an example', () => {
    const doc = JSON.parse(files.get('docs/openapi.json') ?? '{}') as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, { schema?: { $ref?: string; example?: unknown } }> } }
        >
      >;
      components: { schemas: Record<string, { example?: unknown }> };
    };
    const withoutExample: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const body = operation.requestBody?.content['application/json'];
        if (!body) continue;
        const schema = body.schema?.$ref
          ? doc.components.schemas[body.schema.$ref.split('/').pop() ?? '']
          : body.schema;
        if (schema?.example === undefined) withoutExample.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(withoutExample).toEqual([]);
  });
});
