import type { Condition, FieldNode, ObjectNode } from './ast';
import { compileCondition, type LeafPredicate } from './condition-predicate';
import { dottedKeys, hasLeafAt, recordsIn, someLeaf, valueAt } from './event-values';
import type { JsonRecord } from './json';

/** Per-event state: `exists: false` looks at the whole event, so its answers are computed once per path. */
interface EventContext {
  readonly root: JsonRecord;
  readonly absent: Map<number, boolean>;
}

type ValueMatcher = (value: unknown, context: EventContext) => boolean;

interface CompiledField {
  readonly segment: string;
  readonly matches: ValueMatcher;
}

interface CompiledObject {
  readonly fields: readonly CompiledField[];
  readonly anyOf: readonly (readonly CompiledObject[])[];
}

const EMPTY_RECORD: JsonRecord = Object.freeze({});

function isAbsent(context: EventContext, id: number, path: readonly string[]): boolean {
  let absent = context.absent.get(id);
  if (absent === undefined) {
    absent = !hasLeafAt(context.root, path);
    context.absent.set(id, absent);
  }
  return absent;
}

class Compiler {
  private absencePaths = 0;

  compileObject(node: ObjectNode, path: readonly string[]): CompiledObject {
    return {
      fields: [...node.fields].map(([segment, field]) => ({
        segment,
        matches: this.compileField(field, [...path, segment]),
      })),
      anyOf: node.anyOf.map((group) => group.map((branch) => this.compileObject(branch, path))),
    };
  }

  private compileField(field: FieldNode, path: readonly string[]): ValueMatcher {
    const leaf = field.conditions ? this.compileLeaf(field.conditions, path) : undefined;
    const { children } = field;
    if (children.fields.size === 0 && children.anyOf.length === 0) return leaf ?? (() => true);
    const nested = this.compileObject(children, path);
    const object: ValueMatcher = (value, context) => matchValue(nested, value, context);
    return leaf ? (value, context) => leaf(value, context) && object(value, context) : object;
  }

  /**
   * A field's conditions are alternatives. Value conditions and `exists: true` look only at the leaves
   * under this field in the current array element; `exists: false` requires that the path holds no leaf
   * anywhere in the event, so an element lacking the field does not hide a sibling element that has it.
   */
  private compileLeaf(conditions: readonly Condition[], path: readonly string[]): ValueMatcher {
    const predicates: LeafPredicate[] = [];
    let existsTrue = false;
    let existsFalse = false;
    for (const condition of conditions) {
      if (condition.kind === 'exists') {
        if (condition.value) existsTrue = true;
        else existsFalse = true;
      } else {
        predicates.push(compileCondition(condition));
      }
    }
    const absenceId = existsFalse ? this.absencePaths++ : -1;
    return (value, context) => {
      let sawLeaf = false;
      const hit = someLeaf(value, (leaf) => {
        sawLeaf = true;
        return existsTrue || predicates.some((predicate) => predicate(leaf));
      });
      if (hit) return true;
      return existsFalse && !sawLeaf && isAbsent(context, absenceId, path);
    };
  }
}

function matchRecord(node: CompiledObject, record: JsonRecord, context: EventContext): boolean {
  const dotted = dottedKeys(record);
  for (const field of node.fields) {
    if (!field.matches(valueAt(record, field.segment, dotted), context)) return false;
  }
  return node.anyOf.every((group) => group.some((branch) => matchRecord(branch, record, context)));
}

/**
 * Matches an object level against an event value. When the value is an array, one element must
 * satisfy the whole level, so fields never pair up across different array elements. A value with no
 * object in it is matched as an empty object, which only absence conditions can satisfy.
 */
function matchValue(node: CompiledObject, value: unknown, context: EventContext): boolean {
  const records = recordsIn(value);
  if (records.length === 0) return matchRecord(node, EMPTY_RECORD, context);
  return records.some((record) => matchRecord(node, record, context));
}

/** Compiles a validated pattern tree into a predicate over events. */
export function compileTree(root: ObjectNode): (event: JsonRecord) => boolean {
  const compiled = new Compiler().compileObject(root, []);
  return (event) => matchRecord(compiled, event, { root: event, absent: new Map() });
}
