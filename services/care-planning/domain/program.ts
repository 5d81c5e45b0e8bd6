import { Program as PlatformProgram } from '@carelink/contracts';

/** Care programs a case can be opened under: the platform's vocabulary, shared with the events. */
export const ProgramSchema = PlatformProgram;
/** Care program a case can be opened under. */
export type Program = PlatformProgram;
