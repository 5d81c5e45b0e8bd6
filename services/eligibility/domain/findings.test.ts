import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FindingEffect, finding, outcomeOf } from './findings';

describe('outcomeOf', () => {
  it('lets ineligible beat needs-information and needs-information beat eligible', () => {
    const effect = fc.constantFrom<FindingEffect>('ineligible', 'needs-information', 'note');
    fc.assert(
      fc.property(fc.array(effect), (effects) => {
        const { status, reasons } = outcomeOf(effects.map((e, i) => finding(e, `CODE_${i}`, 'text')));
        const expected = effects.includes('ineligible')
          ? 'ineligible'
          : effects.includes('needs-information')
            ? 'needs-information'
            : 'eligible';
        expect(status).toBe(expected);
        expect(reasons.map((r) => r.code)).toEqual(effects.map((_, i) => `CODE_${i}`));
        for (const reason of reasons) expect(Object.keys(reason).sort()).toEqual(['code', 'text']);
      }),
    );
  });
});

describe('blocking reasons', () => {
  it('name only what decides the status, not the checks that passed', () => {
    const needs = outcomeOf([
      finding('note', 'ACUTE_NEED', 'Acute need'),
      finding('note', 'COVERAGE_ACTIVE', 'Coverage is active'),
      finding('needs-information', 'AUTHORIZATION_MISSING', 'An authorization is required'),
    ]);
    expect(needs.status).toBe('needs-information');
    expect(needs.blockingReasons).toEqual(['AUTHORIZATION_MISSING']);
    const no = outcomeOf([
      finding('needs-information', 'COVERAGE_UNVERIFIED', 'Coverage not verified'),
      finding('ineligible', 'TOO_FEW_CONDITIONS', 'Fewer than two chronic conditions'),
    ]);
    expect(no.blockingReasons).toEqual(['TOO_FEW_CONDITIONS']);
    expect(outcomeOf([finding('note', 'OK', 'ok')]).blockingReasons).toEqual([]);
  });
});
