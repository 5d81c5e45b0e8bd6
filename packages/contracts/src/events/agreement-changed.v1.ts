import * as z from 'zod/mini';
import {
  AgreementPrograms,
  AgreementRouting,
  EffectiveDate,
  PartnerId,
  PracticeId,
} from '../directory/vocabulary';
import { defineEvent } from '../event-contract';
import { TenantId, Ulid } from '../primitives';

export const AgreementChangedData = z.strictObject({
  agreementId: Ulid,
  partnerId: PartnerId,
  practiceId: PracticeId,
  tenantId: TenantId,
  programs: AgreementPrograms,
  effectiveFrom: EffectiveDate,
  effectiveTo: z.optional(EffectiveDate),
  routing: AgreementRouting,
  status: z.enum(['active', 'ended']),
  version: z.int().check(z.gte(1)),
});
export type AgreementChangedData = z.output<typeof AgreementChangedData>;

export const AgreementChangedV1 = defineEvent({
  source: 'carelink.directory',
  detailType: 'AgreementChanged',
  version: 1,
  description:
    "A network agreement between a partner and a practice was created or changed: programs, effective dates and the routing rule that claims the partner's referrals.",
  data: AgreementChangedData,
  example: {
    agreementId: '01JD3Y7T5V0M3Q8W9X2Z4A6B8G',
    partnerId: 'northwind-health',
    practiceId: 'practice-boston',
    tenantId: 'acme-health',
    programs: ['ccm', 'pcm', 'tcm', 'case-management'],
    effectiveFrom: '2026-01-01',
    routing: { default: true, attributedNpis: ['1234567893'] },
    status: 'active',
    version: 1,
  },
});
