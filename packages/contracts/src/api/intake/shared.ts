import * as z from 'zod/mini';
import { Ulid } from '../../primitives';

export const tag = 'Referrals';
export const webhookTag = 'Webhooks';
/** Referrals and webhooks are the referring partner's: tokens of care organisations do not reach them. */
export const partner = ['partner'] as const;

export const ReferralIdParams = z.strictObject({ referralId: Ulid });
