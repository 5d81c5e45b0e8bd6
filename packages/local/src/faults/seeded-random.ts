/**
 * A small pseudo-random generator (mulberry32): the same seed gives the same sequence, so a fault
 * run can be repeated exactly.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draw in [0, 1) fixed by the seed and a key, whatever order keys are asked about. */
export function seededDraw(seed: number, key: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return seededRandom(hash)();
}

/** An independent seed for one kind of fault, so one kind's draws never shift another's. */
export function deriveSeed(seed: number, label: string): number {
  return Math.floor(seededDraw(seed, label) * 2 ** 32);
}
