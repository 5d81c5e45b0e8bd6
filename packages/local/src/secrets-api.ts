import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { AwsApiError, type AwsOperation } from './auth/cognito-api';
import { writePrivateFile } from './private-file';

/** The secret id the local cloud serves the patient-key pepper under. */
export const patientKeySecretId = 'carelink/local/patient-key-pepper';

/** The pepper, generated once and kept with the local data (or per start when nothing is kept). */
function localPepper(file: string | undefined): string {
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const pepper = randomBytes(32).toString('base64url');
  if (file) writePrivateFile(file, `${pepper}\n`);
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
