/** A longest-prefix lookup over canonical (upper case, dot-free) code prefixes. */
export interface PrefixIndex<T> {
  /** The value of the longest prefix of `canonicalCode` in the index, if any. */
  match(canonicalCode: string): T | undefined;
  readonly size: number;
}

/**
 * Builds the index once. Duplicate prefixes are a data error and fail loudly at load time rather
 * than letting row order decide which category wins.
 */
export function buildPrefixIndex<T>(rows: readonly (readonly [prefix: string, value: T])[]): PrefixIndex<T> {
  const entries = new Map<string, T>();
  let longest = 0;
  for (const [prefix, value] of rows) {
    const key = prefix.toUpperCase().replace('.', '');
    if (entries.has(key)) throw new Error(`Duplicate code prefix in index: ${key}`);
    entries.set(key, value);
    longest = Math.max(longest, key.length);
  }
  return {
    size: entries.size,
    match(canonicalCode) {
      for (let length = Math.min(longest, canonicalCode.length); length > 0; length -= 1) {
        const value = entries.get(canonicalCode.slice(0, length));
        if (value !== undefined) return value;
      }
      return undefined;
    },
  };
}
