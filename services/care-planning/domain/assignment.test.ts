import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staff } from '../testing/fixtures';
import { choosePrimary, type PrimaryNeed } from './assignment';
import { type SecondaryService, type StaffMember, StaffRoleSchema } from './roster';

const need: PrimaryNeed = { program: 'ccm', skills: [] };
const chosen = (candidates: StaffMember[], n: PrimaryNeed = need): string | undefined => {
  const result = choosePrimary(candidates, n);
  return 'staffId' in result ? result.staffId : undefined;
};

describe('choosePrimary eligibility', () => {
  it.each([
    ['inactive', staff({ staffId: 'a', active: false })],
    ['not a care manager', staff({ staffId: 'a', role: 'physician' })],
    ['at capacity', staff({ staffId: 'a', capacity: 5, activeCases: 5 })],
    ['over capacity', staff({ staffId: 'a', capacity: 5, activeCases: 7 })],
    ['zero capacity', staff({ staffId: 'a', capacity: 0 })],
    ['from another practice', staff({ staffId: 'a', practiceId: 'practice-2' })],
  ])('never picks a candidate who is %s', (_label, excluded) => {
    const fallback = staff({ staffId: 'z', capacity: 10, activeCases: 9 });
    expect(chosen([excluded, fallback], { ...need, practiceId: 'practice-1' })).toBe('z');
  });

  it.each([
    [[], 'no-candidates'],
    [
      [staff({ staffId: 'a', active: false }), staff({ staffId: 'b', role: 'staff-admin' })],
      'no-active-care-manager',
    ],
    [[staff({ staffId: 'a', capacity: 3, activeCases: 3 })], 'no-spare-capacity'],
  ] as const)('explains why nobody could be chosen (%#)', (candidates, reason) => {
    expect(choosePrimary([...candidates], need)).toEqual({ none: reason });
  });
});

describe('choosePrimary ranking', () => {
  it('prefers a language match over more skills and more spare capacity', () => {
    const spanish = staff({ staffId: 'b', languages: ['es'], capacity: 10, activeCases: 9 });
    const skilled = staff({ staffId: 'a', languages: ['en'], skills: ['ccm', 'diabetes'], activeCases: 0 });
    expect(chosen([skilled, spanish], { program: 'ccm', language: 'es', skills: ['diabetes'] })).toBe('b');
  });

  it('prefers an exact language tag over a regional variant', () => {
    const variant = staff({ staffId: 'a', languages: ['es-MX'] });
    const exact = staff({ staffId: 'b', languages: ['es-US'], activeCases: 9 });
    expect(chosen([variant, exact], { program: 'ccm', language: 'es-US', skills: [] })).toBe('b');
  });

  it('counts a regional variant as a language match over none', () => {
    const variant = staff({ staffId: 'b', languages: ['es-MX'], activeCases: 9 });
    const none = staff({ staffId: 'a', languages: ['en'] });
    expect(chosen([none, variant], { program: 'ccm', language: 'es', skills: [] })).toBe('b');
  });

  it('prefers more matched skills, counting the program, when languages tie', () => {
    const programOnly = staff({ staffId: 'a', skills: ['ccm'] });
    const both = staff({ staffId: 'b', skills: ['CCM', 'heart-failure'], activeCases: 9 });
    expect(chosen([programOnly, both], { program: 'ccm', skills: ['heart-failure'] })).toBe('b');
  });

  it('prefers the higher spare-capacity ratio, not the larger absolute spare', () => {
    const bigButBusy = staff({ staffId: 'a', capacity: 100, activeCases: 60 }); // 40 free, 40%
    const smallButFree = staff({ staffId: 'b', capacity: 10, activeCases: 5 }); // 5 free, 50%
    expect(chosen([bigButBusy, smallButFree])).toBe('b');
  });

  it('breaks full ties by the lowest staff id', () => {
    expect(chosen([staff({ staffId: 'm' }), staff({ staffId: 'c' }), staff({ staffId: 'x' })])).toBe('c');
  });

  it('explains the choice with codes and says which criterion decided it', () => {
    const result = choosePrimary(
      [staff({ staffId: 'a', languages: ['es'] }), staff({ staffId: 'b', languages: ['en'] })],
      { program: 'ccm', language: 'es', skills: [] },
    );
    expect(result).toMatchObject({ staffId: 'a' });
    if (!('staffId' in result)) throw new Error('expected a choice');
    const codes = result.explanation.map((r) => r.code);
    expect(codes).toEqual([
      'candidates-considered',
      'language-match',
      'skills-matched',
      'spare-capacity',
      'decided-by',
    ]);
    expect(result.explanation.at(-1)?.detail).toBe('language over b');
  });
});

const staffArbitrary: fc.Arbitrary<StaffMember> = fc.record({
  staffId: fc.stringMatching(/^[a-z0-9]{1,6}$/),
  practiceId: fc.constant<string>('practice-1'),
  role: fc.constantFrom(...StaffRoleSchema.options),
  services: fc.constant<SecondaryService[]>([]),
  skills: fc.subarray(['ccm', 'diabetes', 'heart-failure', 'copd']),
  languages: fc.subarray(['en', 'es', 'es-MX', 'vi', 'zh-Hant']),
  capacity: fc.integer({ min: 0, max: 30 }),
  activeCases: fc.integer({ min: 0, max: 30 }),
  active: fc.boolean(),
});
const rosterArbitrary = fc.uniqueArray(staffArbitrary, { selector: (s) => s.staffId, maxLength: 12 });
const needArbitrary = fc.record({
  program: fc.constantFrom('ccm', 'pcm', 'tcm', 'case-management' as const),
  language: fc.option(fc.constantFrom('en', 'es', 'vi', 'fr'), { nil: undefined }),
  skills: fc.subarray(['diabetes', 'heart-failure', 'copd']),
});

describe('choosePrimary properties', () => {
  it('gives the same answer whatever order the candidates arrive in', () => {
    fc.assert(
      fc.property(rosterArbitrary, needArbitrary, fc.func(fc.integer()), (roster, n, key) => {
        const shuffled = [...roster].sort((a, b) => key(a.staffId) - key(b.staffId));
        expect(choosePrimary(shuffled, n)).toEqual(choosePrimary(roster, n));
      }),
    );
  });

  it('only ever picks an active care manager with spare capacity', () => {
    fc.assert(
      fc.property(rosterArbitrary, needArbitrary, (roster, n) => {
        const result = choosePrimary(roster, n);
        if (!('staffId' in result)) return;
        const member = roster.find((m) => m.staffId === result.staffId);
        expect(member?.active).toBe(true);
        expect(member?.role).toBe('care-manager');
        expect(member && member.capacity > member.activeCases).toBe(true);
      }),
    );
  });

  it('picks someone speaking the exact language whenever an eligible candidate does', () => {
    fc.assert(
      fc.property(rosterArbitrary, needArbitrary, (roster, n) => {
        const result = choosePrimary(roster, n);
        if (!('staffId' in result) || n.language === undefined) return;
        const eligible = roster.filter(
          (m) => m.active && m.role === 'care-manager' && m.capacity > m.activeCases,
        );
        const anySpeaks = eligible.some((m) => m.languages.includes(n.language as string));
        const chosenSpeaks = roster.find((m) => m.staffId === result.staffId)?.languages.includes(n.language);
        if (anySpeaks) expect(chosenSpeaks).toBe(true);
      }),
    );
  });
});
