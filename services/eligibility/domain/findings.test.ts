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
