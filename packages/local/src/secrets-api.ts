import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AwsApiError, type AwsOperation } from './auth/cognito-api';

/** The secret id the local cloud serves the patient-key pepper under. */
export const patientKeySecretId = 'carelink/local/patient-key-pepper';

/** The pepper, generated once and kept with the local data (or per start when nothing is kept). */
function localPepper(file: string | undefined): string {
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const pepper = randomBytes(32).toString('base64url');
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${pepper}\n`, { mode: 0o600 });
  }
  return pepper;
}

/** Secrets Manager's `GetSecretValue` for the local cloud's own secrets, by id. */
export function secretsOperations(pepperFile: string | undefined): Map<string, AwsOperation> {
  const secrets = new Map([[patientKeySecretId, localPepper(pepperFile)]]);
  return new Map<string, AwsOperation>([
    [
      'secretsmanager.GetSecretValue',
      (input) => {
        const value = secrets.get(String(input.SecretId));
        if (value === undefined)
          throw new AwsApiError(
            'ResourceNotFoundException',
            "Secrets Manager can't find the specified secret.",
          );
        return {
          ARN: `arn:aws:secretsmanager:local:000000000000:secret:${input.SecretId}`,
          Name: input.SecretId,
          SecretString: value,
        };
      },
    ],
  ]);
}
