import * as z from 'zod/mini';
import {
  AgreementPrograms,
  AgreementRouting,
  EffectiveDate,
  PartnerId,
  PracticeId,
} from '../../directory/vocabulary';
import { AgreementChangedV1 } from '../../events/agreement-changed.v1';
import { withMeta } from '../../meta';
import { TenantId, Ulid } from '../../primitives';
import { defineRoute, scopes } from '../../route-contract';
import { Audit, createdHeaders, etagHeaders, operator, PageQuery, page, tag } from './shared';

export const CreateAgreementBody = withMeta(
  z
    .strictObject({
      partnerId: PartnerId,
      practiceId: PracticeId,
      programs: AgreementPrograms,
      effectiveFrom: EffectiveDate,
      effectiveTo: z.optional(EffectiveDate),
      routing: AgreementRouting,
    })
    .check(
      z.refine((a) => a.effectiveTo === undefined || a.effectiveTo >= a.effectiveFrom, {
        message: 'effectiveTo must not be before effectiveFrom',
        path: ['effectiveTo'],
      }),
    ),
  {
    id: 'CreateAgreement',
    example: {
      partnerId: 'northwind-health',
      practiceId: 'practice-boston',
      programs: ['ccm', 'pcm', 'tcm', 'case-management'],
      effectiveFrom: '2026-01-01',
      routing: { default: true, attributedNpis: ['1234567893'] },
    },
  },
);
export type CreateAgreementBody = z.output<typeof CreateAgreementBody>;

export const UpdateAgreementBody = withMeta(
  z
    .strictObject({
      programs: z.optional(AgreementPrograms),
      effectiveTo: z.optional(z.nullable(EffectiveDate)),
      routing: z.optional(AgreementRouting),
    })
    .check(z.refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change')),
  { id: 'UpdateAgreement', example: { effectiveTo: '2027-12-31' } },
);
export type UpdateAgreementBody = z.output<typeof UpdateAgreementBody>;

const { status: _agreementStatus, ...agreementFields } = AgreementChangedV1.example;
const agreementExample = {
  ...agreementFields,
  createdAt: '2026-11-02T15:04:05.000Z',
  updatedAt: '2026-11-02T15:04:05.000Z',
};
export const AgreementResource = withMeta(
  z.object({
    agreementId: Ulid,
    partnerId: z.string(),
    practiceId: z.string(),
    tenantId: TenantId,
    programs: z.array(z.string()),
    effectiveFrom: z.string(),
    effectiveTo: z.optional(z.string()),
    routing: z.record(z.string(), z.unknown()),
    ...Audit,
  }),
  { id: 'Agreement', example: agreementExample },
);
export const AgreementPageResource = page(AgreementResource, 'AgreementPage', agreementExample);

export const ListAgreementsQuery = z.strictObject(
  z.extend(PageQuery, { partnerId: z.optional(PartnerId) }).shape,
);

const AgreementParams = z.strictObject({ agreementId: Ulid });

export const createAgreementRoute = defineRoute({
  operationId: 'createAgreement',
  method: 'POST',
  path: '/v1/directory/agreements',
  summary: 'Put a practice in a partner’s network',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  idempotent: true,
  body: CreateAgreementBody,
  responses: {
    201: { description: 'Agreement created', schema: AgreementResource, headers: createdHeaders },
    404: { description: 'No such partner or practice' },
  },
});

export const getAgreementRoute = defineRoute({
  operationId: 'getAgreement',
  method: 'GET',
  path: '/v1/directory/agreements/{agreementId}',
  summary: 'Read a network agreement',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  params: AgreementParams,
  responses: {
    200: { description: 'The agreement', schema: AgreementResource, headers: etagHeaders },
    404: { description: 'No such agreement' },
  },
});

export const listAgreementsRoute = defineRoute({
  operationId: 'listAgreements',
  method: 'GET',
  path: '/v1/directory/agreements',
  summary: 'List network agreements, optionally of one partner',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  query: ListAgreementsQuery,
  responses: { 200: { description: 'A page of agreements', schema: AgreementPageResource } },
});

export const updateAgreementRoute = defineRoute({
  operationId: 'updateAgreement',
  method: 'PATCH',
  path: '/v1/directory/agreements/{agreementId}',
  summary: 'Change an agreement’s programs, end date or routing',
  tag,
  scopes: [scopes.platformAdmin],
  callers: operator,
  params: AgreementParams,
  body: UpdateAgreementBody,
  requiresIfMatch: true,
  responses: {
    200: { description: 'The agreement as changed', schema: AgreementResource, headers: etagHeaders },
    404: { description: 'No such agreement' },
  },
});
