import type { StateWrite } from '@carelink/lambda-kit';
import { consentSk, patientPk } from './keys';
import type { TableRef } from './patient-store';
import type { StoredConsent } from './records';

/** Consent writes: a new consent is created once; a revocation happens once. */
export function createConsentStore({ tableName }: Pick<TableRef, 'tableName'>) {
  return {
    create(tenantId: string, consent: StoredConsent): StateWrite {
      return {
        Put: {
          TableName: tableName,
          Item: {
            pk: patientPk(tenantId, consent.patientId),
            sk: consentSk(consent.consentId),
            kind: 'consent',
            ...consent,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
    },

    revoke(tenantId: string, consent: StoredConsent, onAlreadyRevoked: () => Error): StateWrite {
      return {
        Update: {
          TableName: tableName,
          Key: { pk: patientPk(tenantId, consent.patientId), sk: consentSk(consent.consentId) },
          UpdateExpression: 'SET revokedAt = :at, revokedBy = :by, revocationReason = :reason',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: {
            ':at': consent.revokedAt,
            ':by': consent.revokedBy,
            ':reason': consent.revocationReason,
          },
        },
        onConditionFailed: onAlreadyRevoked,
      };
    },
  };
}

/** The consent store built on a table. */
export type ConsentStore = ReturnType<typeof createConsentStore>;
