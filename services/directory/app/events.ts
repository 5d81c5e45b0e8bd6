import {
  AgreementChangedV1,
  PartnerChangedV1,
  PracticeChangedV1,
  StaffMemberChangedV1,
} from '@carelink/contracts';
import { type EventDraft, emit } from '@carelink/lambda-kit';
import {
  type Agreement,
  agreementStatus,
  type Partner,
  type Practice,
  type StaffMember,
} from '../domain/directory';

// What the directory publishes: each record whole, at its version, so every projection can keep the
// newest and ignore the rest. No patient; of a person, ids and codes only (no name, no e-mail).

export const practiceChanged = (practice: Practice): EventDraft =>
  emit(
    PracticeChangedV1,
    {
      practiceId: practice.practiceId,
      tenantId: practice.tenantId,
      name: practice.name,
      npi: practice.npi,
      tin: practice.tin,
      timeZone: practice.timeZone,
      address: practice.address,
      locality: practice.locality,
      careModel: practice.careModel,
      callbackNumber: practice.callbackNumber,
      billingPractitioners: practice.billingPractitioners,
      onCall: practice.onCall,
      ...(practice.claimSettings ? { claimSettings: practice.claimSettings } : {}),
      status: practice.status,
      version: practice.version,
    },
    practice.version,
  );

export const partnerChanged = (partner: Partner): EventDraft =>
  emit(
    PartnerChangedV1,
    { partnerId: partner.partnerId, name: partner.name, status: partner.status, version: partner.version },
    partner.version,
  );

export const agreementChanged = (agreement: Agreement, today: string): EventDraft =>
  emit(
    AgreementChangedV1,
    {
      agreementId: agreement.agreementId,
      partnerId: agreement.partnerId,
      practiceId: agreement.practiceId,
      tenantId: agreement.tenantId,
      programs: agreement.programs,
      effectiveFrom: agreement.effectiveFrom,
      ...(agreement.effectiveTo ? { effectiveTo: agreement.effectiveTo } : {}),
      routing: agreement.routing,
      status: agreementStatus(agreement, today),
      version: agreement.version,
    },
    agreement.version,
  );

export const staffMemberChanged = (person: StaffMember): EventDraft =>
  emit(
    StaffMemberChangedV1,
    {
      staffId: person.staffId,
      tenantId: person.tenantId,
      practiceIds: person.practiceIds,
      roles: person.roles,
      credential: person.credential,
      ...(person.npi ? { npi: person.npi } : {}),
      status: person.status,
      version: person.version,
    },
    person.version,
  );
