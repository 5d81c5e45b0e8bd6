import { createHmac } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DomainError } from '@carelink/contracts';

/** Turns a normalised member identifier into the patient key: the same person, the same key. */
export interface PatientKeys {
  keyOf(identifier: string): Promise<string>;
}

/** The pepper is not configured in this deployment: no referral can be keyed, so none is taken. */
export class PatientKeyNotConfiguredError extends DomainError {
  override readonly name = 'PatientKeyNotConfiguredError';
  readonly code = 'not-configured';
  readonly problemType = 'unavailable';
  constructor() {
    super('Referrals cannot be accepted: the patient key secret is not configured');
  }
}

/**
 * HMAC-SHA256 under a pepper kept in Secrets Manager (`PATIENT_KEY_SECRET_ID`), read once per
 * container. Without the pepper a key cannot be recomputed from an MBI, so keys in the table and in
 * backups reveal nothing. Locally the cloud answers Secrets Manager with a pepper kept in its data.
 */
export function secretsManagerPatientKeys(
  secretId: string | undefined,
  client: SecretsManagerClient = new SecretsManagerClient({ maxAttempts: 3 }),
): PatientKeys {
  let pepper: Promise<string> | undefined;
  const load = async (): Promise<string> => {
    if (!secretId) throw new PatientKeyNotConfiguredError();
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!SecretString || SecretString.length < 32)
      throw new Error('the patient key pepper is missing or too short');
    return SecretString;
  };
  return {
    async keyOf(identifier) {
      pepper ??= load().catch((error: unknown) => {
        pepper = undefined;
        throw error;
      });
      return createHmac('sha256', await pepper)
        .update(identifier)
        .digest('hex');
    },
  };
}
