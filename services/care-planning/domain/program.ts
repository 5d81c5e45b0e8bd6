import * as z from 'zod';

/** Care programs a case can be opened under. */
export const ProgramSchema = z.enum(['ccm', 'pcm', 'bhi', 'case-management']);
/** Care program a case can be opened under. */
export type Program = z.infer<typeof ProgramSchema>;
