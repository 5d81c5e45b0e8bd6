/** A JSON scalar: the only kind of event value a pattern condition can test. */
export type Leaf = string | number | boolean | null;

/** A JSON object as seen by the matcher; values are left `unknown` because events are untrusted input. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** True for non-null, non-array objects. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for objects created by a JSON parser or an object literal (no class instances, dates, maps). */
export function isPlainRecord(value: unknown): value is JsonRecord {
  if (!isRecord(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True for values that JSON can carry as a scalar; non-finite numbers are excluded because JSON cannot encode them. */
export function isLeaf(value: unknown): value is Leaf {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
