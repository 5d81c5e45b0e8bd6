import { ConflictError, NotFoundError, PreconditionFailedError } from '@carelink/lambda-kit';
import {
  DuplicateReferralError,
  IllegalTransitionError,
  ReferralLockedError,
  ReferralNotFoundError,
  StaleVersionError,
  TooManyWebhooksError,
  WebhookNotFoundError,
} from './domain/errors';

/** Intake's one mapping from domain errors to problem types; details carry no personal data. */
export function mapIntakeError(error: unknown): Error | undefined {
  if (error instanceof ReferralNotFoundError) return new NotFoundError('Referral');
  if (error instanceof WebhookNotFoundError) return new NotFoundError('Webhook');
  if (error instanceof DuplicateReferralError)
    return new ConflictError(error.message, `/v1/referrals/${error.existingReferralId}`);
  if (error instanceof ReferralLockedError || error instanceof IllegalTransitionError)
    return new ConflictError(error.message);
  if (error instanceof StaleVersionError) return new PreconditionFailedError();
  if (error instanceof TooManyWebhooksError) return new ConflictError(error.message);
  return undefined;
}
