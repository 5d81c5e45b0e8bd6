import { isLeaf, isRecord, type JsonRecord, type Leaf } from './json';

const NO_KEYS: readonly string[] = [];

/** The keys of `record` that contain a dot; usually none, so the common case allocates nothing more. */
export function dottedKeys(record: JsonRecord): readonly string[] {
  let found: string[] | undefined;
  for (const key of Object.keys(record)) {
    if (!key.includes('.')) continue;
    found ??= [];
    found.push(key);
  }
  return found ?? NO_KEYS;
}

/**
 * The event value under one path segment, or `undefined` when absent.
 * EventBridge joins keys with dots, so an event key `"a.b"` is also reachable as segment `a`
 * followed by segment `b`; such keys are folded into a virtual object under `a`.
 */
export function valueAt(record: JsonRecord, segment: string, dotted: readonly string[]): unknown {
  const direct = Object.hasOwn(record, segment) ? record[segment] : undefined;
  if (dotted.length === 0) return direct;
  const prefix = `${segment}.`;
  let folded: Record<string, unknown> | undefined;
  for (const key of dotted) {
    if (!key.startsWith(prefix)) continue;
    folded ??= {};
    folded[key.slice(prefix.length)] = record[key];
  }
  if (!folded) return direct;
  if (direct === undefined) return folded;
  if (isRecord(direct)) return { ...direct, ...folded };
  return [direct, folded];
}

/**
 * Calls `visit` on every leaf (JSON scalar) in `value`, looking through nested arrays; objects are not
 * leaves. Stops and returns true as soon as `visit` does.
 */
export function someLeaf(value: unknown, visit: (leaf: Leaf) => boolean): boolean {
  if (Array.isArray(value)) return value.some((item) => someLeaf(item, visit));
  return isLeaf(value) && visit(value);
}

/** The objects in `value`, looking through nested arrays. */
export function recordsIn(value: unknown, into: JsonRecord[] = []): JsonRecord[] {
  if (Array.isArray(value)) {
    for (const item of value) recordsIn(item, into);
  } else if (isRecord(value)) {
    into.push(value);
  }
  return into;
}

/** True when the event holds at least one leaf at `path`, in any element of any array on the way. */
export function hasLeafAt(root: JsonRecord, path: readonly string[]): boolean {
  let current: unknown[] = [root];
  for (const segment of path) {
    const next: unknown[] = [];
    for (const record of recordsIn(current)) {
      const value = valueAt(record, segment, dottedKeys(record));
      if (value !== undefined) next.push(value);
    }
    if (next.length === 0) return false;
    current = next;
  }
  return someLeaf(current, () => true);
}
