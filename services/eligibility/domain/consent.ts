import { type Instant as CanonicalInstant, compareInstants, parseInstant } from '@carelink/calendar';
import { InvalidInputError, parseOrThrow } from '@carelink/contracts';
import * as z from 'zod/mini';
import {
  ConsentAlreadyRevokedError,
  type ConsentDiscussionItem,
  ConsentIncompleteError,
  ConsentRevokedBeforeObtainedError,
} from './consent-errors';
import { Npi } from './referral-facts';

/** Programs whose billing requires documented patient consent. */
export const ConsentProgram = z.enum(['ccm', 'pcm', 'apcm']);
/** A program that needs consent. */
export type ConsentProgram = z.infer<typeof ConsentProgram>;

/** Why a consent ended. */
export type ConsentRevocationReason = 'PATIENT_REQUEST' | 'SUPERSEDED' | 'OTHER';

const Instant = z.iso.datetime({ offset: true });
const Id = z.string().check(z.minLength(1), z.maxLength(128));

/** What staff capture when a patient agrees to CCM or PCM. */
export const ConsentInput = z.object({
  patientId: Id,
  program: ConsentProgram,
  method: z.enum(['verbal', 'written']),
  obtainedAt: Instant,
  /** Staff user id of the person who obtained consent. */
  obtainedBy: Id,
  billingPractitionerId: Npi,
  discussed: z.object({
    rightToStopAnyTime: z.boolean(),
    onlyOnePractitionerBillsPerMonth: z.boolean(),
    costSharingExplained: z.boolean(),
  }),
});
/** Consent capture input. */
export type ConsentInput = z.infer<typeof ConsentInput>;

/** A stored consent; `revokedAt` is set once it ends. */
export interface ConsentRecord extends ConsentInput {
  readonly consentId: string;
  readonly revokedAt?: string;
  readonly revokedBy?: string;
  readonly revocationReason?: ConsentRevocationReason;
}

/** Emitted when consent is recorded. Ids and codes only. */
export interface ConsentRecorded {
  readonly type: 'ConsentRecorded';
  readonly consentId: string;
  readonly patientId: string;
  readonly program: ConsentProgram;
  readonly method: 'verbal' | 'written';
  readonly billingPractitionerId: string;
  readonly occurredAt: string;
}

/** Emitted when consent ends. Ids and codes only. */
export interface ConsentRevoked {
  readonly type: 'ConsentRevoked';
  readonly consentId: string;
  readonly patientId: string;
  readonly program: ConsentProgram;
  readonly billingPractitionerId: string;
  readonly reason: ConsentRevocationReason;
  readonly occurredAt: string;
}

/** Events of the consent model. */
export type ConsentEvent = ConsentRecorded | ConsentRevoked;

const REQUIRED_ITEMS: readonly ConsentDiscussionItem[] = [
  'rightToStopAnyTime',
  'onlyOnePractitionerBillsPerMonth',
  'costSharingExplained',
];

function isActiveAt(record: ConsentRecord, at: CanonicalInstant): boolean {
  if (compareInstants(record.obtainedAt, at) > 0) return false;
  return record.revokedAt === undefined || compareInstants(record.revokedAt, at) > 0;
}

/**
 * The consent under which `billingPractitionerId` may bill `program` at instant `at`. Consent is
 * given to one billing practitioner: a consent obtained for another practitioner does not count,
 * so a change of billing practitioner needs new consent.
 */
export function activeConsent(
  records: readonly ConsentRecord[],
  program: ConsentProgram,
  billingPractitionerId: string,
  at: string,
): ConsentRecord | undefined {
  const when = parseInstant(at);
  return records
    .filter(
      (r) =>
        r.program === program && r.billingPractitionerId === billingPractitionerId && isActiveAt(r, when),
    )
    .sort((a, b) => compareInstants(b.obtainedAt, a.obtainedAt))[0];
}

/** True when billing `program` by `billingPractitionerId` at `at` needs consent to be obtained first. */
export function requiresNewConsent(
  records: readonly ConsentRecord[],
  program: ConsentProgram,
  billingPractitionerId: string,
  at: string,
): boolean {
  return activeConsent(records, program, billingPractitionerId, at) === undefined;
}

/** Ends a consent. Revoking twice or before the consent was obtained is a domain error. */
export function revokeConsent(
  record: ConsentRecord,
  revocation: { revokedAt: string; revokedBy: string; reason: ConsentRevocationReason },
): { consent: ConsentRecord; events: [ConsentRevoked] } {
  if (!Instant.safeParse(revocation.revokedAt).success || !Id.safeParse(revocation.revokedBy).success) {
    throw new InvalidInputError('consent revocation', [
      { path: 'revokedAt', code: 'invalid' },
      { path: 'revokedBy', code: 'invalid' },
    ]);
  }
  if (record.revokedAt !== undefined) throw new ConsentAlreadyRevokedError(record.consentId);
  if (compareInstants(revocation.revokedAt, record.obtainedAt) < 0) {
    throw new ConsentRevokedBeforeObtainedError(record.consentId);
  }
  const consent: ConsentRecord = {
    ...record,
    revokedAt: revocation.revokedAt,
    revokedBy: revocation.revokedBy,
    revocationReason: revocation.reason,
  };
  return {
    consent,
    events: [
      {
        type: 'ConsentRevoked',
        consentId: record.consentId,
        patientId: record.patientId,
        program: record.program,
        billingPractitionerId: record.billingPractitionerId,
        reason: revocation.reason,
        occurredAt: revocation.revokedAt,
      },
    ],
  };
}

/**
 * Records consent after checking every required discussion item. Only one practitioner may bill a
 * program per month, so an active consent for the same patient and program with another
 * practitioner is superseded (revoked at the new consent's time) in the same step.
 */
export function recordConsent(
  input: ConsentInput,
  deps: { newId: () => string; existing?: readonly ConsentRecord[] },
): { consent: ConsentRecord; superseded: ConsentRecord[]; events: ConsentEvent[] } {
  const data = parseOrThrow(ConsentInput, input, 'consent');
  const missing = REQUIRED_ITEMS.filter((item) => !data.discussed[item]);
  if (missing.length > 0) throw new ConsentIncompleteError(missing);

  const at = parseInstant(data.obtainedAt);
  const superseded: ConsentRecord[] = [];
  const events: ConsentEvent[] = [];
  for (const record of deps.existing ?? []) {
    if (record.patientId !== data.patientId || record.program !== data.program) continue;
    if (record.billingPractitionerId === data.billingPractitionerId || !isActiveAt(record, at)) continue;
    const revoked = revokeConsent(record, {
      revokedAt: data.obtainedAt,
      revokedBy: data.obtainedBy,
      reason: 'SUPERSEDED',
    });
    superseded.push(revoked.consent);
    events.push(...revoked.events);
  }

  const consent: ConsentRecord = { ...data, consentId: deps.newId() };
  events.push({
    type: 'ConsentRecorded',
    consentId: consent.consentId,
    patientId: consent.patientId,
    program: consent.program,
    method: consent.method,
    billingPractitionerId: consent.billingPractitionerId,
    occurredAt: consent.obtainedAt,
  });
  return { consent, superseded, events };
}
