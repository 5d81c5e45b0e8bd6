/**
 * Finds breaking differences between a released JSON Schema and the current one of the same event
 * version. Within a version, schemas may only grow: a removed property, a changed type, a narrowed
 * enum, a newly required field or a new or tightened constraint would reject events that were valid
 * before (archived events, replays, older producers).
 */
type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const typesOf = (schema: Schema): string[] =>
  schema.type === undefined
    ? []
    : Array.isArray(schema.type)
      ? (schema.type as string[])
      : [String(schema.type)];

const tightening: readonly [keyof Schema & string, 'min' | 'max' | 'equal'][] = [
  ['minimum', 'min'],
  ['exclusiveMinimum', 'min'],
  ['minLength', 'min'],
  ['minItems', 'min'],
  ['maximum', 'max'],
  ['exclusiveMaximum', 'max'],
  ['maxLength', 'max'],
  ['maxItems', 'max'],
  ['pattern', 'equal'],
  ['format', 'equal'],
  ['const', 'equal'],
];

export function breakingChanges(released: unknown, current: unknown, path = '$'): string[] {
  if (!isSchema(released) || !isSchema(current)) return [];
  const found: string[] = [];
  const releasedTypes = typesOf(released);
  const currentTypes = typesOf(current);
  if (currentTypes.length > 0 && releasedTypes.some((t) => !currentTypes.includes(t))) {
    found.push(`${path}: type ${releasedTypes.join('|')} became ${currentTypes.join('|')}`);
  }
  if (Array.isArray(released.enum) || Array.isArray(current.enum)) {
    const allowed = new Set((current.enum as unknown[] | undefined) ?? []);
    const removed = Array.isArray(current.enum)
      ? ((released.enum as unknown[] | undefined) ?? ['(any)']).filter((v) => !allowed.has(v))
      : [];
    if (removed.length > 0)
      found.push(`${path}: enum lost ${removed.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  for (const [keyword, direction] of tightening) {
    const before = released[keyword];
    const after = current[keyword];
    if (after === undefined) continue;
    const tighter =
      before === undefined ||
      (direction === 'min' && Number(after) > Number(before)) ||
      (direction === 'max' && Number(after) < Number(before)) ||
      (direction === 'equal' && JSON.stringify(after) !== JSON.stringify(before));
    if (tighter)
      found.push(
        `${path}: ${keyword} ${before === undefined ? 'added' : `changed from ${JSON.stringify(before)}`} to ${JSON.stringify(after)}`,
      );
  }
  const releasedRequired = new Set((released.required as string[] | undefined) ?? []);
  for (const name of (current.required as string[] | undefined) ?? []) {
    if (!releasedRequired.has(name)) found.push(`${path}.${name}: became required`);
  }
  if (released.additionalProperties !== false && current.additionalProperties === false) {
    found.push(`${path}: additional properties no longer allowed`);
  }
  const releasedProps = isSchema(released.properties) ? released.properties : {};
  const currentProps = isSchema(current.properties) ? current.properties : {};
  for (const [name, schema] of Object.entries(releasedProps)) {
    if (!(name in currentProps)) found.push(`${path}.${name}: removed`);
    else found.push(...breakingChanges(schema, currentProps[name], `${path}.${name}`));
  }
  found.push(...breakingChanges(released.items, current.items, `${path}[]`));
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const before = released[keyword];
    const after = current[keyword];
    if (Array.isArray(before) && Array.isArray(after)) {
      before.forEach((branch, i) => {
        found.push(...breakingChanges(branch, after[i], `${path}.${keyword}[${i}]`));
      });
      if (after.length < before.length) found.push(`${path}: ${keyword} lost branches`);
    }
  }
  return found;
}
