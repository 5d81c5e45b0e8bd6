import { describe, expect, it } from 'vitest';
import { timeAuthorIssues } from './time-entry-author';

describe('timeAuthorIssues', () => {
  it('never lets clinical staff log physician minutes (no 99491/99437 from their time)', () => {
    for (const credential of ['RN', 'LPN', 'MA', 'LCSW'] as const) {
      const issues = timeAuthorIssues(
        { staffId: 's1', credential },
        { performer: 'physician', practitionerId: 's1' },
      );
      expect(issues).toEqual([
        expect.objectContaining({ path: 'performer', code: 'performer-from-credential' }),
      ]);
    }
  });

  it('counts physicians’ and qualified health professionals’ own time as theirs', () => {
    for (const credential of ['MD', 'DO', 'NP', 'PA', 'CNS', 'CNM'] as const) {
      expect(
        timeAuthorIssues({ staffId: 'dr', credential }, { performer: 'physician', practitionerId: 'dr' }),
      ).toEqual([]);
      expect(
        timeAuthorIssues(
          { staffId: 'dr', credential },
          { performer: 'clinical-staff', practitionerId: 'dr' },
        ),
      ).toHaveLength(1);
    }
  });

  it('lets a person log only their own time, and a non-clinical person none', () => {
    expect(
      timeAuthorIssues(
        { staffId: 'rn-1', credential: 'RN' },
        { performer: 'clinical-staff', practitionerId: 'rn-2' },
      ),
    ).toEqual([expect.objectContaining({ path: 'practitionerId', code: 'own-time-only' })]);
    expect(
      timeAuthorIssues(
        { staffId: 'lead', credential: 'non-clinical' },
        { performer: 'clinical-staff', practitionerId: 'lead' },
      ),
    ).toEqual([expect.objectContaining({ code: 'no-clinical-credential' })]);
  });

  it('leaves a machine client (no credential) to state performer and practitioner', () => {
    expect(
      timeAuthorIssues({ staffId: 'ehr' }, { performer: 'physician', practitionerId: 'someone' }),
    ).toEqual([]);
  });
});
