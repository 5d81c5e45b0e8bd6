import type { RouteContract } from '@carelink/contracts';
import { PreconditionFailedError } from '@carelink/contracts';
import { HttpProblem } from '../errors';

/** What an `If-Match` header asks for: one exact version, or any current version (`*`). */
export type IfMatch = number | 'any';

const STRONG_VERSION = /^"(\d{1,9})"$/;

/**
 * Reads `If-Match` with the strong comparison RFC 9110 requires for it: a weak validator
 * (`W/"3"`) never matches, `*` matches whatever version exists. Versioned resources here carry one
 * ETag each, so a list of several is refused rather than guessed at.
 */
export function ifMatchFrom(
  route: RouteContract,
  headers: Record<string, string | undefined>,
): IfMatch | undefined {
  const raw = headers['if-match'];
  if (raw === undefined) {
    if (route.requiresIfMatch)
      throw new HttpProblem('precondition-required', 'Send If-Match with the version you read');
    return undefined;
  }
  const value = raw.trim();
  if (value === '*') return 'any';
  if (value.startsWith('W/'))
    throw new HttpProblem('precondition-failed', 'If-Match needs a strong ETag such as "3", not a weak one');
  const match = STRONG_VERSION.exec(value);
  if (!match)
    throw new HttpProblem('precondition-failed', 'If-Match must be one version ETag such as "3", or *');
  return Number(match[1]);
}

/** Whether a resource at `current` (undefined: it does not exist) satisfies the caller's `If-Match`. */
export function ifMatchAccepts(ifMatch: IfMatch | undefined, current: number | undefined): boolean {
  if (ifMatch === undefined) return true;
  if (ifMatch === 'any') return current !== undefined;
  return ifMatch === current;
}

/**
 * 412 unless the caller's `If-Match` names the version it updates (routes that require If-Match
 * answer 428 before a handler runs, so undefined here is a stale or absent precondition too).
 */
export function requireIfMatch(ifMatch: IfMatch | undefined, current: number): void {
  if (ifMatch === undefined || !ifMatchAccepts(ifMatch, current)) throw new PreconditionFailedError();
}
