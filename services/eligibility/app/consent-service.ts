import { addMilliseconds, compareInstants, MINUTE_MS } from '@carelink/calendar';
import { NotFoundError } from '@carelink/contracts';
import type { Commit } from '@carelink/lambda-kit';
import {
  ConsentAlreadyRevokedError,
  type ConsentProgram,
  type ConsentRecord,
  type ConsentRevocationReason,
  recordConsent,
  revokeConsent,
} from '../domain';
import type { ConsentStore } from '../store/consent-store';
import type { PatientStore } from '../store/patient-store';
import { knownToPractice, type PatientState, type StoredConsent } from '../store/records';
import type { Determinations } from './eligibility-service';
import { ConsentObtainedInFutureError, ConsentsChangedError } from './errors';
import { consentRecorded, consentRevoked } from './events';

/** Staff acting on a patient: tenant and practice from the token. */
export interface StaffActor {
  readonly tenantId: string;
  readonly practiceId: string;
  readonly subject: string;
}

/** A consent as staff capture it. */
export interface ConsentCapture {
  readonly program: ConsentProgram;
  readonly method: 'verbal' | 'written';
  readonly obtainedAt: string;
  readonly obtainedBy: string;
  readonly billingPractitionerNpi: string;
  readonly rightToStopAnyTime: boolean;
  readonly onlyOnePractitionerBillsPerMonth: boolean;
  readonly costSharingExplained: boolean;
}

/** API revocation reasons and the domain's codes. */
export const revocationReasons = {
  'patient-request': 'PATIENT_REQUEST',
  other: 'OTHER',
} as const satisfies Record<string, ConsentRevocationReason>;

/** Clock skew tolerated between the device that captured a consent and the service. */
const ALLOWED_SKEW_MS = 5 * MINUTE_MS;

export interface ConsentDeps {
  readonly patients: PatientStore;
  readonly consents: ConsentStore;
  readonly eligibility: Determinations;
  readonly clock: () => Date;
  readonly newId: () => string;
}

const laterOf = (a: string, b: string) => (compareInstants(a, b) >= 0 ? a : b);

/**
 * Consent capture and revocation. Every change bumps the patient's consent version, and re-runs the
 * patient's determinations in the same transaction so `consentRequired` is never stale.
 */
export function createConsentService(deps: ConsentDeps) {
  async function patientFor(actor: StaffActor, patientId: string): Promise<PatientState> {
    const state = await deps.patients.load(actor.tenantId, patientId);
    if (!state.known || !knownToPractice(state, actor.practiceId)) throw new NotFoundError('Patient');
    return state;
  }

  return {
    /** The patient's consents, oldest first. */
    async list(actor: StaffActor, patientId: string): Promise<StoredConsent[]> {
      const state = await patientFor(actor, patientId);
      return [...state.consents].sort(
        (a, b) => compareInstants(a.obtainedAt, b.obtainedAt) || a.consentId.localeCompare(b.consentId),
      );
    },

    /** Records a consent, superseding another practitioner's active consent for the program. */
    async record(
      actor: StaffActor,
      patientId: string,
      capture: ConsentCapture,
    ): Promise<{ consent: StoredConsent; commit: Commit }> {
      const state = await patientFor(actor, patientId);
      const now = deps.clock().toISOString();
      const latest = addMilliseconds(now, ALLOWED_SKEW_MS);
      if (compareInstants(capture.obtainedAt, latest) > 0) {
        throw new ConsentObtainedInFutureError();
      }
      const recorded = recordConsent(
        {
          patientId,
          program: capture.program,
          method: capture.method,
          obtainedAt: capture.obtainedAt,
          obtainedBy: capture.obtainedBy,
          billingPractitionerId: capture.billingPractitionerNpi,
          discussed: {
            rightToStopAnyTime: capture.rightToStopAnyTime,
            onlyOnePractitionerBillsPerMonth: capture.onlyOnePractitionerBillsPerMonth,
            costSharingExplained: capture.costSharingExplained,
          },
        },
        { newId: deps.newId, existing: state.consents },
      );
      const practiceOf = new Map(state.consents.map((c) => [c.consentId, c.practiceId]));
      const superseded: StoredConsent[] = recorded.superseded.map((c) => ({
        ...c,
        practiceId: practiceOf.get(c.consentId) ?? actor.practiceId,
      }));
      const consent: StoredConsent = {
        ...recorded.consent,
        practiceId: actor.practiceId,
        ...(superseded[0] ? { supersedesConsentId: superseded[0].consentId } : {}),
      };
      const replaced = new Map<string, ConsentRecord>(superseded.map((c) => [c.consentId, c]));
      const consents = [...state.consents.map((c) => replaced.get(c.consentId) ?? c), consent];
      const redetermined = await deps.eligibility.redetermineForConsents(
        state,
        consents,
        laterOf(now, consent.obtainedAt),
      );
      const alreadyRevoked = () => new ConsentsChangedError();
      return {
        consent,
        commit: {
          writes: [
            deps.patients.bumpConsentVersion(state, () => new ConsentsChangedError()),
            ...superseded.map((c) => deps.consents.revoke(actor.tenantId, c, alreadyRevoked)),
            deps.consents.create(actor.tenantId, consent),
            ...redetermined.writes,
          ],
          events: [
            ...superseded.map((c) => consentRevoked(c, 'superseded')),
            consentRecorded(consent, state.consentVersion + 1),
            ...redetermined.events,
          ],
        },
      };
    },

    /** Ends a consent; time after `revokedAt` no longer counts. */
    async revoke(
      actor: StaffActor,
      patientId: string,
      consentId: string,
      revocation: { revokedAt: string; reason: keyof typeof revocationReasons },
    ): Promise<{ consent: StoredConsent; commit: Commit }> {
      const state = await patientFor(actor, patientId);
      const existing = state.consents.find((c) => c.consentId === consentId);
      if (!existing || existing.practiceId !== actor.practiceId) throw new NotFoundError('Consent');
      const revoked = revokeConsent(existing, {
        revokedAt: revocation.revokedAt,
        revokedBy: actor.subject,
        reason: revocationReasons[revocation.reason],
      });
      const consent: StoredConsent = { ...revoked.consent, practiceId: existing.practiceId };
      const consents = state.consents.map((c) => (c.consentId === consentId ? consent : c));
      const redetermined = await deps.eligibility.redetermineForConsents(
        state,
        consents,
        deps.clock().toISOString(),
      );
      return {
        consent,
        commit: {
          writes: [
            deps.patients.bumpConsentVersion(state, () => new ConsentsChangedError()),
            deps.consents.revoke(actor.tenantId, consent, () => new ConsentAlreadyRevokedError(consentId)),
            ...redetermined.writes,
          ],
          events: [consentRevoked(consent, revocation.reason), ...redetermined.events],
        },
      };
    },
  };
}

/** The consent service. */
export type ConsentService = ReturnType<typeof createConsentService>;
