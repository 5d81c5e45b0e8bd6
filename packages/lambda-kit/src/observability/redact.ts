/**
 * PHI redaction for anything that leaves a function as text (log lines, error details).
 *
 * Two passes, because neither alone is enough: keys that name personal data are redacted whatever
 * their value, and values that look like personal data (phones, emails, MBIs, SSNs, calendar dates
 * such as birth dates) are redacted under any key.
 */

export const REDACTED = '[REDACTED]';

/** Lower-cased key names (punctuation removed) whose values are always personal data. */
const sensitiveKeys = new Set(
  [
    'name',
    'firstName',
    'lastName',
    'middleName',
    'givenName',
    'given',
    'family',
    'familyName',
    'fullName',
    'birthDate',
    'dateOfBirth',
    'dob',
    'sex',
    'gender',
    'phone',
    'phoneNumber',
    'mobile',
    'email',
    'address',
    'line1',
    'line2',
    'street',
    'city',
    'postalCode',
    'zip',
    'memberId',
    'mbi',
    'ssn',
    'note',
    'notes',
    'description',
    'text',
    'comment',
    'answers',
    'body',
    'member',
    'authorization',
    'clientSecret',
    'secret',
    'password',
    'token',
    'accessToken',
  ].map(normaliseKey),
);

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const valuePatterns: readonly RegExp[] = [
  // E.164 and common North American phone formats.
  /\+[1-9]\d{6,14}\b/g,
  /\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g,
  // Email addresses.
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  // Medicare Beneficiary Identifiers, with or without dashes.
  /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/gi,
  // US social security numbers.
  /\b\d{3}-\d{2}-\d{4}\b/g,
  // Calendar dates without a time (birth dates); instants with a time stay readable.
  /\b\d{4}-\d{2}-\d{2}\b(?!T)/g,
  /\b\d{1,2}\/\d{1,2}\/\d{4}\b/g,
];

/** Error class names (`TypeError`, `ConditionalCheckFailedException`) are diagnostic, not personal data. */
const ERROR_CLASS_NAME = /^[A-Za-z]*(Error|Exception)$/;

/** Redacts personal-data patterns inside a string. */
export function redactText(text: string): string {
  let result = text;
  for (const pattern of valuePatterns) result = result.replace(pattern, REDACTED);
  return result;
}

/** True when a key's value must never be logged. */
export function isSensitiveKey(key: string): boolean {
  return sensitiveKeys.has(normaliseKey(key));
}

/**
 * `JSON.stringify` replacer for log records: redacts sensitive keys whole and scrubs string values.
 * Errors keep their name and a scrubbed message and stack.
 */
export function redactingReplacer(key: string, value: unknown): unknown {
  if (key === 'name' && typeof value === 'string' && ERROR_CLASS_NAME.test(value)) return value;
  if (key !== '' && isSensitiveKey(key) && value !== undefined && value !== null) return REDACTED;
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactText(value.message),
      stack: value.stack && redactText(value.stack),
    };
  }
  return value;
}

/** Deep copy with redaction applied, for values that are not serialised through a replacer. */
export function redactValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, redactingReplacer) ?? 'null') as T;
}
