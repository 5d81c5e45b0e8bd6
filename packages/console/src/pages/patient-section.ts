import type { ApiClient } from '../client';

/** What every section of the patient page is given. */
export interface PatientSectionProps {
  api: ApiClient;
  patientId: string;
  onError: (error: unknown) => void;
  /** Called after a change the timeline will show. */
  onChanged: () => void;
}
