import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../packages/local/src/cloud';
import { type JourneyResult, phiValues, runCcmJourney, startJourneyCloud } from './ccm-journey';

let cloud: LocalCloud;
let result: JourneyResult;
const captured: string[] = [];
const writes = {
  out: process.stdout.write.bind(process.stdout),
  err: process.stderr.write.bind(process.stderr),
};

beforeAll(async () => {
  // Log everything the functions say, and capture it, to prove none of it carries PHI.
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  const capture = (write: typeof writes.out) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = capture(writes.out);
  process.stderr.write = capture(writes.err);
  cloud = await startJourneyCloud();
  result = await runCcmJourney(cloud, () => undefined);
}, 300_000);

afterAll(async () => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
  await cloud?.stop();
});

describe('CCM journey through the public API', () => {
  it('enrols the referral and shows the partner each status', () => {
    expect(result.referralStatuses.at(-1)).toBe('enrolled');
    expect(result.referralStatuses).toContain('eligible');
  });

  it('bills 99490 and one 99439 for 45 minutes of October staff time', () => {
    expect(result.claimLines).toEqual([
      { code: '99439', units: 1 },
      { code: '99490', units: 1 },
    ]);
  });

  it('delivers signed webhooks for the status changes', () => {
    expect(result.webhooksVerified).toBe(true);
    expect(result.webhookStatuses).toEqual(expect.arrayContaining(['eligible', 'enrolled']));
  });

  it('keeps every seeded PHI value out of log lines and events', () => {
    // The one identifier an event needs: eligibility checks coverage with the payer by member id
    // (X12 270), so ReferralReceived/ReferralUpdated carry it in coverage.memberId and nowhere else.
    const withoutCoverageMemberId = cloud.bus.events().map((event) => {
      const data = (event.detail as { data?: { coverage?: { memberId?: string } } }).data;
      if (!data?.coverage?.memberId) return event;
      return {
        ...event,
        detail: {
          ...(event.detail as object),
          data: { ...data, coverage: { ...data.coverage, memberId: '(needed)' } },
        },
      };
    });
    const places = {
      'a log line': captured.join(''),
      'an event': JSON.stringify(withoutCoverageMemberId),
      'a queue': JSON.stringify([...cloud.queues.values()].flatMap((q) => q.list())),
    };
    const hits = phiValues.flatMap((value) =>
      Object.entries(places).flatMap(([place, text]) =>
        text.includes(value) ? [`${value} in ${place}`] : [],
      ),
    );
    console.log(
      `PHI scan: ${phiValues.length} values x (${captured.length} log writes, ${cloud.bus.events().length} events) -> ${hits.length} hits`,
    );
    expect(hits).toEqual([]);
  });
});

describe('audit trail', () => {
  it("shows compliance staff the care manager's reads of the patient's case", async () => {
    const { apiClient } = await import('../../packages/local/src/testing/api-client');
    await cloud.settle();
    const compliance = await apiClient(cloud, 'staff-boston-compliance');
    const trail = await compliance.get(`/v1/audit?patientId=${result.patientId}&limit=100`);
    expect(trail.status).toBe(200);
    const reads = (trail.body.items as { subject: string; operationId: string; method: string }[]).filter(
      (item) => item.subject === 'staff-boston-care-manager' && item.operationId === 'getCase',
    );
    expect(reads.length).toBeGreaterThan(0);
    const otherTenant = await apiClient(cloud, 'staff-denver-compliance');
    const hidden = await otherTenant.get(`/v1/audit?patientId=${result.patientId}&limit=100`);
    expect(hidden.body.items ?? []).toEqual([]);
  });
});
