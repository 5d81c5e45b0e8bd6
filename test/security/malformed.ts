import fc from 'fast-check';
import * as z from 'zod/mini';

type Segment = string | number;
type Path = readonly Segment[];

/** The ways a malformed input is derived from a contract's valid example. */
export type MalformedKind =
  | 'drop-required-key'
  | 'wrong-type'
  | 'unknown-key'
  | 'whole-value'
  | 'oversize-string';

export interface MalformedCase {
  kind: MalformedKind;
  /** What is sent (after a JSON round trip, so it is exactly what the receiver parses). */
  value: unknown;
  /** The JSON text; undefined when the generated value has no JSON form (then nothing is sent). */
  json: string | undefined;
  /** The values the mutation put in, which a rejection must never echo. */
  injected: unknown[];
  /** The keys the mutation put in (unknown-key), which a rejection should not echo either. */
  injectedKeys: string[];
}

function nodes(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = path.length ? [{ path, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => nodes(v, [...path, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))];
  }
  return here;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parentOf(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path.slice(0, -1)) node = (node as Record<Segment, unknown>)[segment];
  return node;
}

function setAt(example: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(example);
  (parentOf(copy, path) as Record<Segment, unknown>)[path.at(-1) as Segment] = value;
  return copy;
}

function dropAt(example: unknown, path: Path): unknown {
  const copy = structuredClone(example);
  delete (parentOf(copy, path) as Record<Segment, unknown>)[path.at(-1) as Segment];
  return copy;
}

function addKey(example: unknown, path: Path, key: string, value: unknown): unknown {
  const copy = structuredClone(example);
  const target = path.length
    ? (parentOf(copy, path) as Record<Segment, unknown>)[path.at(-1) as Segment]
    : copy;
  (target as Record<string, unknown>)[key] = value;
  return copy;
}

/** A value of any JSON type, for the wrong-type mutation (the schema check keeps only wrong ones). */
const anyJsonScalarOrShape = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 40 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.integer(), { maxKeys: 2 }),
);

/** Every leaf value (strings and numbers) of a value, for echo checks. */
export function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (isRecord(value)) return Object.values(value).flatMap(leaves);
  return [value];
}

/** Leaves long enough that finding one in a message cannot be a coincidence of field names or codes. */
export function distinctiveLeaves(values: readonly unknown[]): string[] {
  return values.flatMap(leaves).flatMap((leaf) => {
    if (typeof leaf === 'string' && leaf.trim().length >= 6) return [leaf];
    if (typeof leaf === 'number' && Number.isFinite(leaf) && String(leaf).length >= 6) return [String(leaf)];
    return [];
  });
}

/** A mutated value, the values it put in, and the keys it put in. */
type Mutation = [unknown, unknown[], string[]?];

/** The arbitraries of one kind for an example (none when the example has nothing to mutate). */
function arbitraries(
  example: unknown,
  oversize: readonly number[],
): Map<MalformedKind, fc.Arbitrary<Mutation>> {
  const all = nodes(example);
  const keyed = all.filter((n) => typeof n.path.at(-1) === 'string');
  const objects = [{ path: [] as Path, value: example }, ...all].filter((n) => isRecord(n.value));
  const strings = all.filter((n) => typeof n.value === 'string');
  const kinds = new Map<MalformedKind, fc.Arbitrary<Mutation>>();
  if (keyed.length) {
    kinds.set(
      'drop-required-key',
      fc.constantFrom(...keyed).map((n): Mutation => [dropAt(example, n.path), []]),
    );
  }
  if (all.length) {
    kinds.set(
      'wrong-type',
      fc
        .tuple(fc.constantFrom(...all), anyJsonScalarOrShape)
        .map(([n, v]): Mutation => [setAt(example, n.path, v), [v]]),
    );
  }
  if (objects.length) {
    kinds.set(
      'unknown-key',
      fc
        .tuple(
          fc.constantFrom(...objects),
          fc.string({ minLength: 1, maxLength: 16 }),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([n, key, v]): Mutation => [addKey(example, n.path, key, v), [v], [key]]),
    );
  }
  kinds.set(
    'whole-value',
    fc.oneof(fc.anything(), fc.jsonValue()).map((v): Mutation => [v, [v]]),
  );
  if (strings.length) {
    kinds.set(
      'oversize-string',
      fc
        .tuple(
          fc.constantFrom(...strings),
          fc.constantFrom(...oversize),
          fc.string({ minLength: 1, maxLength: 4 }),
        )
        .map(([n, size, unit]): Mutation => {
          const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
          return [setAt(example, n.path, text), [text]];
        }),
    );
  }
  return kinds;
}

/**
 * About `count` inputs that `schema` rejects, derived from its valid `example`: a required key
 * dropped, a value of the wrong type at a random path, an unknown key, a whole replacement by any
 * value, an oversize string. Each candidate goes through JSON as a sender would put it on the wire,
 * and only those the schema rejects are kept (a dropped optional key is still valid, so it is not
 * a malformed case). Deterministic for a seed.
 */
export function malformedCases(
  schema: z.core.$ZodType,
  example: unknown,
  count: number,
  seed: number,
  oversize: readonly number[] = [5_000, 300_000],
): MalformedCase[] {
  const kinds = [...arbitraries(example, oversize)];
  const perKind = Math.ceil(count / kinds.length);
  const cases: MalformedCase[] = [];
  kinds.forEach(([kind, arbitrary], index) => {
    const candidates = fc.sample(arbitrary, { numRuns: perKind * 20, seed: seed + index });
    let kept = 0;
    for (const [candidate, injected, injectedKeys = []] of candidates) {
      if (kept >= perKind) break;
      const json = JSON.stringify(candidate);
      const value = json === undefined ? undefined : JSON.parse(json);
      if (z.safeParse(schema, value).success) continue;
      cases.push({ kind, value, json, injected, injectedKeys });
      kept++;
    }
  });
  return cases.slice(0, count);
}
