import type { CidrBlock } from './cidr';
import type { Leaf } from './json';
import type { NumericRange } from './numeric';
import type { WildcardPattern } from './wildcard';

/** What `anything-but` excludes. */
export type Exclusion =
  | { readonly kind: 'values'; readonly strings: ReadonlySet<string>; readonly numbers: ReadonlySet<number> }
  | { readonly kind: 'prefix' | 'suffix' | 'equals-ignore-case'; readonly values: readonly string[] }
  | { readonly kind: 'wildcard'; readonly values: readonly WildcardPattern[] };

/** One entry of a pattern field's array: a literal value or a single-operator match expression. */
export type Condition =
  | { readonly kind: 'exact'; readonly value: Leaf }
  | { readonly kind: 'prefix' | 'suffix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'equals-ignore-case'; readonly value: string }
  | { readonly kind: 'wildcard'; readonly pattern: WildcardPattern }
  | { readonly kind: 'numeric'; readonly range: NumericRange }
  | { readonly kind: 'cidr'; readonly block: CidrBlock }
  | { readonly kind: 'exists'; readonly value: boolean }
  | { readonly kind: 'anything-but'; readonly exclusion: Exclusion };

/**
 * One path segment of a pattern. A segment can carry conditions on its leaf values, a nested object
 * pattern, or both (when `"a.b": [...]` and `"a": { "b": { ... } }` meet on the same path).
 */
export interface FieldNode {
  conditions?: readonly Condition[];
  readonly children: ObjectNode;
}

/** An object level of a pattern: every field must match, and every `$or` group needs one matching branch. */
export interface ObjectNode {
  readonly fields: Map<string, FieldNode>;
  readonly anyOf: ObjectNode[][];
}

/** Creates an object level with no fields yet. */
export function emptyObjectNode(): ObjectNode {
  return { fields: new Map(), anyOf: [] };
}
