/** Datatype-level checks shared by the FHIR CarePlan validator. */
import { FHIR_CODES } from '../../domain/fhir-systems';

/** A parsed JSON object. */
export type Json = Record<string, unknown>;

/** FHIR `id` grammar. */
export const ID = /^[A-Za-z0-9.-]{1,64}$/;
/** FHIR `date`: year, year-month or full date. */
export const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
const RESOURCE_REFERENCE =
  /^(?:https?:\/\/\S+\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9.-]{1,64})(\/_history\/[A-Za-z0-9.-]{1,64})?$/;
const LOCAL_REFERENCE = /^#([A-Za-z0-9.-]{1,64})$/;

/** Whether a value is a JSON object (not null, not an array). */
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** FHIR `dateTime`: a date, or a full date with time and zone. */
export const isDateTime = (value: string): boolean => {
  const [date, time, ...rest] = value.split('T');
  return (
    rest.length === 0 &&
    date !== undefined &&
    DATE.test(date) &&
    (time === undefined || (date.length === 10 && TIME.test(time)))
  );
};
/** FHIR `instant`: a full date and time with zone. */
export const isInstant = (value: string): boolean => value.includes('T') && isDateTime(value);

/** Collects problems with their FHIRPath-like location instead of stopping at the first. */
export class Findings {
  readonly errors: string[] = [];
  add(path: string, problem: string): void {
    this.errors.push(`${path}: ${problem}`);
  }
}

/** State shared while checking one resource. */
export interface Context {
  findings: Findings;
  /** Contained resources by id, for resolving `#id` references. */
  contained: Map<string, string>;
}

/** Reads an optional (or required) array element, reporting wrong types and empty arrays. */
export const list = (ctx: Context, node: Json, key: string, path: string, required = false): unknown[] => {
  const value = node[key];
  if (value === undefined) {
    if (required) ctx.findings.add(`${path}.${key}`, 'required');
    return [];
  }
  if (!Array.isArray(value)) {
    ctx.findings.add(`${path}.${key}`, 'must be an array');
    return [];
  }
  // FHIR forbids empty arrays: an absent element is written by leaving it out.
  if (value.length === 0) ctx.findings.add(`${path}.${key}`, 'arrays must not be empty');
  return value;
};

/** Checks a `code` element against a required binding. */
export const code = (
  ctx: Context,
  node: Json,
  key: string,
  path: string,
  allowed: readonly string[],
  required: boolean,
): void => {
  const value = node[key];
  if (value === undefined) {
    if (required) ctx.findings.add(`${path}.${key}`, 'required');
    return;
  }
  if (typeof value !== 'string' || !allowed.includes(value))
    ctx.findings.add(`${path}.${key}`, `must be one of ${allowed.join('|')}`);
};

/** Checks a date or time element with the given format check. */
export const dateTime = (
  ctx: Context,
  node: Json,
  key: string,
  path: string,
  check: (v: string) => boolean,
  kind: string,
): void => {
  const value = node[key];
  if (value === undefined) return;
  if (typeof value !== 'string' || !check(value))
    ctx.findings.add(`${path}.${key}`, `must be a FHIR ${kind}`);
};

const coding = (
  ctx: Context,
  value: unknown,
  path: string,
  systems?: Readonly<Record<string, readonly string[] | null>>,
): void => {
  if (!isObject(value)) {
    ctx.findings.add(path, 'must be a Coding');
    return;
  }
  const { system, code: c } = value;
  if (c !== undefined && typeof system !== 'string')
    ctx.findings.add(`${path}.system`, 'required when code is present');
  if (system !== undefined && (typeof system !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(system))) {
    ctx.findings.add(`${path}.system`, 'must be a URI');
  }
  if (c !== undefined && (typeof c !== 'string' || c.trim() !== c || c.length === 0))
    ctx.findings.add(`${path}.code`, 'must be a code');
  if (systems === undefined || typeof system !== 'string') return;
  if (!Object.hasOwn(systems, system)) {
    ctx.findings.add(`${path}.system`, `must be one of ${Object.keys(systems).join(', ')}`);
    return;
  }
  const allowed = systems[system];
  if (allowed && (typeof c !== 'string' || !allowed.includes(c))) {
    ctx.findings.add(`${path}.code`, `must be one of ${allowed.join('|')}`);
  }
};

/** Checks a CodeableConcept; `systems` maps allowed systems to allowed codes (null: any code). */
export const concept = (
  ctx: Context,
  value: unknown,
  path: string,
  systems?: Readonly<Record<string, readonly string[] | null>>,
  requireCoding = false,
): void => {
  if (!isObject(value)) {
    ctx.findings.add(path, 'must be a CodeableConcept');
    return;
  }
  const codings = list(ctx, value, 'coding', path, requireCoding);
  codings.forEach((c, i) => {
    coding(ctx, c, `${path}.coding[${i}]`, systems);
  });
  if (codings.length === 0 && typeof value.text !== 'string')
    ctx.findings.add(path, 'needs a coding or text');
};

/** Checks a Reference's format and, for `#id`, that it resolves to a contained resource of an allowed type. */
export const reference = (
  ctx: Context,
  value: unknown,
  path: string,
  types: readonly string[],
  allowDisplayOnly = false,
): void => {
  if (!isObject(value)) {
    ctx.findings.add(path, 'must be a Reference');
    return;
  }
  const ref = value.reference;
  if (ref === undefined) {
    if (!allowDisplayOnly || typeof value.display !== 'string')
      ctx.findings.add(`${path}.reference`, 'required');
    return;
  }
  if (typeof ref !== 'string') {
    ctx.findings.add(`${path}.reference`, 'must be a string');
    return;
  }
  const localMatch = LOCAL_REFERENCE.exec(ref);
  if (localMatch) {
    const type = ctx.contained.get(localMatch[1] ?? '');
    if (type === undefined) {
      ctx.findings.add(`${path}.reference`, `no contained resource ${ref}`);
      return;
    }
    if (!types.includes(type)) ctx.findings.add(`${path}.reference`, `must refer to ${types.join('|')}`);
    return;
  }
  const match = RESOURCE_REFERENCE.exec(ref);
  if (!match) {
    ctx.findings.add(`${path}.reference`, 'must be Type/id or #id');
    return;
  }
  if (!types.includes(match[1] ?? ''))
    ctx.findings.add(`${path}.reference`, `must refer to ${types.join('|')}`);
};

/** Checks every Reference in an array element. */
export const references = (
  ctx: Context,
  node: Json,
  key: string,
  path: string,
  types: readonly string[],
  allowDisplayOnly = false,
): void => {
  for (const [i, r] of list(ctx, node, key, path).entries()) {
    reference(ctx, r, `${path}.${key}[${i}]`, types, allowDisplayOnly);
  }
};

/** Checks a Period: formats, and that it does not end before it starts. */
export const period = (ctx: Context, value: unknown, path: string): void => {
  if (!isObject(value)) {
    ctx.findings.add(path, 'must be a Period');
    return;
  }
  dateTime(ctx, value, 'start', path, isDateTime, 'dateTime');
  dateTime(ctx, value, 'end', path, isDateTime, 'dateTime');
  const { start, end } = value;
  // Same-precision values sort correctly as strings in UTC; mixed precision is compared by date.
  if (typeof start === 'string' && typeof end === 'string' && isDateTime(start) && isDateTime(end)) {
    const comparable = start.endsWith('Z') === end.endsWith('Z') && start.length === end.length;
    const [a, b] = comparable ? [start, end] : [start.slice(0, 10), end.slice(0, 10)];
    if (a > b) ctx.findings.add(path, 'start must not be after end');
  }
};

/** Checks a Quantity, including that a unit code comes with its system (qty-3). */
export const quantity = (ctx: Context, value: unknown, path: string): void => {
  if (!isObject(value)) {
    ctx.findings.add(path, 'must be a Quantity');
    return;
  }
  if (value.value !== undefined && (typeof value.value !== 'number' || !Number.isFinite(value.value))) {
    ctx.findings.add(`${path}.value`, 'must be a decimal');
  }
  code(ctx, value, 'comparator', path, FHIR_CODES.quantityComparator, false);
  if (value.code !== undefined && typeof value.system !== 'string')
    ctx.findings.add(`${path}.system`, 'required when code is present');
};
