import type { Program } from './program';

/** Programs in the order a case is opened for, when a patient qualifies for several. */
export const PROGRAM_PREFERENCE: readonly Program[] = ['ccm', 'pcm', 'tcm', 'case-management'];

/** One program's outcome, as an eligibility determination states it. */
export interface ProgramOutcome {
  program: Program;
  status: 'eligible' | 'ineligible' | 'needs-information';
}

/** The program to open a case for: the most preferred eligible one, or undefined when none is eligible. */
export const programToOpen = (outcomes: readonly ProgramOutcome[]): Program | undefined =>
  PROGRAM_PREFERENCE.find((program) =>
    outcomes.some((outcome) => outcome.program === program && outcome.status === 'eligible'),
  );
