/**
 * Loopback webhook receivers, for a developer's machine. Only the local cloud sets it; an infra test
 * holds every synthesised function to never defining it.
 */
export const allowLoopbackWebhooksVariable = 'CARELINK_WEBHOOKS_ALLOW_LOOPBACK';

/**
 * New staff receive their temporary password in the API response (`response`) instead of by e-mail:
 * a local cloud sends no mail. Never set in AWS, where Cognito e-mails the invitation.
 */
export const staffInvitationDeliveryVariable = 'STAFF_INVITATION_DELIVERY';

/** Environment variables no deployed function may define. */
export const localOnlyVariables: readonly string[] = [
  allowLoopbackWebhooksVariable,
  staffInvitationDeliveryVariable,
];
