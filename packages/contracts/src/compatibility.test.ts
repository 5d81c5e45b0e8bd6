import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { eventCatalog, eventSchemaName } from './catalog';
import { breakingChanges } from './compatibility';
import { eventDetailJsonSchema } from './json-schema';

const schema = (type: z.ZodType) => z.toJSONSchema(type, { target: 'draft-2020-12', io: 'input' });
const base = z.object({
  id: z.string(),
  count: z.int().min(0),
  kind: z.enum(['a', 'b']),
  note: z.string().optional(),
});

describe('breakingChanges', () => {
  it('accepts additive changes: a new optional field, a wider enum, a looser bound', () => {
    const grown = z.object({
      id: z.string(),
      count: z.int().min(0),
      kind: z.enum(['a', 'b', 'c']),
      note: z.string().optional(),
      extra: z.boolean().optional(),
    });
    expect(breakingChanges(schema(base), schema(grown))).toEqual([]);
    const looser = base.extend({ count: z.int().min(-5) });
    expect(breakingChanges(schema(base), schema(looser))).toEqual([]);
  });

  it.each([
    ['a removed field', base.omit({ note: true }), '$.note: removed'],
    ['a changed type', base.extend({ count: z.string() }), '$.count: type integer became string'],
    ['a narrowed enum', base.extend({ kind: z.enum(['a']) }), '$.kind: enum lost "b"'],
    ['a newly required field', base.extend({ note: z.string() }), '$.note: became required'],
    ['a tighter bound', base.extend({ count: z.int().min(1) }), '$.count: minimum changed from 0 to 1'],
    ['a new pattern', base.extend({ id: z.string().regex(/^x/) }), '$.id: pattern added to "^x"'],
  ])('reports %s', (_, changed, expected) => {
    expect(breakingChanges(schema(base), schema(changed))).toContain(expected);
  });
});

const released = resolve(import.meta.dirname, '../released/events');

describe('released event schemas', () => {
  it('every current event version is compatible with its released schema', async () => {
    const files = await readdir(released).catch(() => [] as string[]);
    const problems: string[] = [];
    for (const contract of eventCatalog) {
      const name = `${eventSchemaName(contract)}.schema.json`;
      if (!files.includes(name)) continue;
      const before = JSON.parse(await readFile(join(released, name), 'utf8'));
      problems.push(...breakingChanges(before, eventDetailJsonSchema(contract)).map((p) => `${name} ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('no released event version has disappeared from the catalog', async () => {
    const files = await readdir(released).catch(() => [] as string[]);
    const current = new Set(eventCatalog.map((c) => `${eventSchemaName(c)}.schema.json`));
    expect(files.filter((f) => !current.has(f))).toEqual([]);
  });
});
