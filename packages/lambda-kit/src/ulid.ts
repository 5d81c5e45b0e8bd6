/** Crockford's base32, as ULIDs spell time and randomness. */
const ENCODING = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_LENGTH = 10;
const RANDOM_LENGTH = 16;

/**
 * Monotonic ULIDs as the `ulid` package's `monotonicFactory` makes them: ten characters of
 * millisecond time, sixteen of randomness, and within one millisecond (or when the clock steps back)
 * the last id's randomness plus one, so the ids of a process sort in the order they were made. Our
 * own few lines because the package came whole into every function (2 KB).
 */
export function monotonicUlids(random: () => number, now: () => number = Date.now): () => string {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    const time = now();
    if (time <= lastTime) increment(lastRandom);
    else {
      lastTime = time;
      lastRandom = Array.from({ length: RANDOM_LENGTH }, () => Math.floor(random() * 32) % 32);
    }
    return encodeTime(lastTime) + lastRandom.map((digit) => ENCODING[digit]).join('');
  };
}

function encodeTime(time: number): string {
  let encoded = '';
  for (let rest = time, i = 0; i < TIME_LENGTH; i++, rest = Math.floor(rest / 32))
    encoded = ENCODING[rest % 32] + encoded;
  return encoded;
}

function increment(digits: number[]): void {
  for (let i = digits.length - 1; i >= 0; i--) {
    const digit = digits[i] as number;
    if (digit < 31) {
      digits[i] = digit + 1;
      return;
    }
    digits[i] = 0;
  }
  throw new Error('no ULID left in this millisecond');
}
