import * as z from 'zod/mini';
import { Ulid } from '../../primitives';
import { scopes } from '../../route-contract';

/** What every outreach route shares: its tag, scopes, patient path and the problems it answers. */
export const tag = 'outreach';
export const read = [scopes.outreachRead] as const;
export const write = [scopes.outreachWrite] as const;

export const PatientParams = z.object({ patientId: Ulid });

export const problems = {
  404: { description: 'No such patient in the caller’s practice' },
  422: { description: 'The request is not valid' },
} as const;
