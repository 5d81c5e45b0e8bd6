import type { Program } from '@carelink/contracts';
import { describe, expect, it } from 'vitest';
import { context, coverage, referral } from '../testing/referral-fixtures';
import { determine, resultFor } from './determine';

describe('determine', () => {
  it('screens all four programs when none are requested', () => {
    const result = determine(referral(), context());
    expect(result.results.map((r) => r.program)).toEqual(['case-management', 'ccm', 'pcm', 'tcm']);
    expect(result.results.map((r) => r.status)).toEqual(['eligible', 'eligible', 'eligible', 'eligible']);
    expect(result).toMatchObject({ determinedOn: '2025-06-16', coverageStatus: 'active' });
  });

  it.each<[Program[], Program[]]>([
    [['tcm'], ['tcm']],
    [
      ['tcm', 'ccm'],
      ['ccm', 'tcm'],
    ],
    [['pcm', 'pcm'], ['pcm']],
  ])('runs only the requested programs %j in a fixed order', (requestedPrograms, expected) => {
    expect(determine(referral({ requestedPrograms }), context()).results.map((r) => r.program)).toEqual(
      expected,
    );
  });

  it('turns every coverage-dependent program into needs-information when coverage is unknown', () => {
    const result = determine(referral(), context({ coverage: coverage('unknown') }));
    expect(result.coverageStatus).toBe('unknown');
    for (const program of result.results) {
      expect(program.status).toBe('needs-information');
      expect(program.reasons.map((r) => r.code)).toContain('COVERAGE_UNVERIFIED');
    }
  });

  it('gives typed access to one program result', () => {
    const result = determine(referral(), context());
    expect(resultFor(result, 'tcm')?.interactiveContactDue).toBe('2025-06-12');
    expect(resultFor(determine(referral({ requestedPrograms: ['ccm'] }), context()), 'tcm')).toBeUndefined();
  });

  it('rejects a malformed determination date', () => {
    expect(() => determine(referral(), context({ today: '2025-6-16' }))).toThrow(RangeError);
  });
});
