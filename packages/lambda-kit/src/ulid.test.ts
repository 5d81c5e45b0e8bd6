import { decodeTime, isValid, monotonicFactory } from 'ulid';
import { describe, expect, it } from 'vitest';
import { monotonicUlids } from './ulid';

const fixed = (value: number) => () => value;

describe('monotonic ULIDs', () => {
  it('spells the time and the randomness as the ulid package does', () => {
    const random = () => 0.7;
    const ours = monotonicUlids(random, fixed(1_764_806_400_123));
    const theirs = monotonicFactory(random);
    const id = ours();
    expect(id).toBe(theirs(1_764_806_400_123));
    expect(isValid(id)).toBe(true);
    expect(decodeTime(id)).toBe(1_764_806_400_123);
  });

  it('counts up within a millisecond and when the clock steps back, carrying over Z', () => {
    let now = 1_000;
    let draws = 0;
    const next = monotonicUlids(
      () => (++draws === 16 ? 31 / 32 : 0),
      () => now,
    );
    expect(next().slice(10)).toBe('000000000000000Z');
    expect(next().slice(10)).toBe('0000000000000010');
    now = 999;
    const stepped = next();
    expect(stepped.slice(10)).toBe('0000000000000011');
    expect(decodeTime(stepped)).toBe(1_000);
  });

  it('refuses to count past the last ULID of a millisecond', () => {
    const next = monotonicUlids(() => 31 / 32, fixed(1_000));
    expect(next().slice(10)).toBe('Z'.repeat(16));
    expect(() => next()).toThrow('no ULID left');
  });

  it('draws new randomness when the time moves on', () => {
    let now = 5;
    let draws = 0;
    const next = monotonicUlids(
      () => (draws++ % 32) / 32,
      () => now,
    );
    const a = next();
    now = 6;
    const b = next();
    expect(decodeTime(b)).toBe(6);
    expect(b > a).toBe(true);
    expect(draws).toBe(32);
  });
});
