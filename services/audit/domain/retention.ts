/** HIPAA asks for six years of retention of the documentation of access to protected health information. */
export const RETENTION_YEARS = 6;

/**
 * When an access record may expire: six calendar years after the access, in epoch seconds (the
 * table's TTL attribute). DynamoDB deletes expired items some time after this instant, never before.
 */
export function retentionExpiry(at: Date): number {
  const expiry = new Date(at.getTime());
  expiry.setUTCFullYear(expiry.getUTCFullYear() + RETENTION_YEARS);
  return Math.floor(expiry.getTime() / 1000);
}
