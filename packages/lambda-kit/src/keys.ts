/**
 * Key builders. Every partition key starts with the tenant, so no query can cross tenants by
 * construction: a record of another tenant is simply not found.
 */
export function tenantKey(tenantId: string, ...parts: readonly (string | number)[]): string {
  if (tenantId.includes('#')) throw new Error('tenant id must not contain #');
  return ['T', tenantId, ...parts].join('#');
}

/**
 * Keys of what a partner owns outside any tenant (its webhooks, its pointers to the referrals it
 * sent). A partner's key can never equal a tenant's: the prefixes differ.
 */
export function partnerKey(partnerId: string, ...parts: readonly (string | number)[]): string {
  if (partnerId.includes('#')) throw new Error('partner id must not contain #');
  return ['P', partnerId, ...parts].join('#');
}

/** Encodes a DynamoDB LastEvaluatedKey as an opaque cursor bound to the tenant that listed it. */
export function encodeCursor(tenantId: string, key: Record<string, unknown> | undefined): string | undefined {
  if (!key) return undefined;
  return Buffer.from(JSON.stringify({ t: tenantId, k: key })).toString('base64url');
}

/** Decodes a cursor; a cursor of another tenant or a tampered one is rejected (returns null). */
export function decodeCursor(
  tenantId: string,
  cursor: string | undefined,
): Record<string, unknown> | null | undefined {
  if (cursor === undefined) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      t?: unknown;
      k?: unknown;
    };
    if (decoded.t !== tenantId || typeof decoded.k !== 'object' || decoded.k === null) return null;
    return decoded.k as Record<string, unknown>;
  } catch {
    return null;
  }
}
