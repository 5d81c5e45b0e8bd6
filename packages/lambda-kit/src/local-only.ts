/**
 * Loopback webhook receivers, for a developer's machine. Only the local cloud sets it; an infra test
 * holds every synthesised function to never defining it.
 */
export const allowLoopbackWebhooksVariable = 'CARELINK_WEBHOOKS_ALLOW_LOOPBACK';

/** Environment variables no deployed function may define. */
export const localOnlyVariables: readonly string[] = [allowLoopbackWebhooksVariable];
