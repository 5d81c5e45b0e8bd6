import type { Instant } from '@carelink/calendar';

/** Replies that withdraw consent to text messages. */
export const OPT_OUT_KEYWORDS: readonly string[] = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
];
/** Replies that restore consent after an opt-out. */
export const OPT_IN_KEYWORDS: readonly string[] = ['START', 'UNSTOP'];

/** Text-message consent of one patient. */
export interface SmsConsent {
  readonly caseId: string;
  readonly status: 'opted-in' | 'opted-out';
  readonly changedAt?: Instant;
}

/** Emitted when an inbound reply changes consent. */
export interface SmsConsentChanged {
  readonly type: 'SmsConsentChanged';
  readonly caseId: string;
  readonly status: SmsConsent['status'];
  readonly keyword: string;
  readonly at: string;
}

/**
 * Classifies an inbound reply. Only a reply that is exactly a keyword counts (ignoring case and
 * surrounding whitespace): a sentence that merely contains "stop" is a message for the care team.
 */
export function classifyReply(text: string): 'opt-out' | 'opt-in' | undefined {
  const keyword = text.trim().toUpperCase();
  if (OPT_OUT_KEYWORDS.includes(keyword)) return 'opt-out';
  if (OPT_IN_KEYWORDS.includes(keyword)) return 'opt-in';
  return undefined;
}

/** Applies an inbound reply to the consent; returns an event only when the status actually changes. */
export function applyInboundReply(
  consent: SmsConsent,
  text: string,
  at: Instant,
): { consent: SmsConsent; events: SmsConsentChanged[] } {
  const kind = classifyReply(text);
  if (kind === undefined) return { consent, events: [] };
  const status = kind === 'opt-out' ? 'opted-out' : 'opted-in';
  if (status === consent.status) return { consent, events: [] };
  return {
    consent: { caseId: consent.caseId, status, changedAt: at },
    events: [
      {
        type: 'SmsConsentChanged',
        caseId: consent.caseId,
        status,
        keyword: text.trim().toUpperCase(),
        at: at.toString(),
      },
    ],
  };
}
