import { isValidNpi } from '@carelink/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../packages/local/src/cloud';
import { readX12 } from '../../services/billing/testing/x12-reader';
import {
  type JourneyResult,
  phiValues,
  recordDeliveries,
  runCcmJourney,
  startJourneyCloud,
} from './ccm-journey';

let cloud: LocalCloud;
let result: JourneyResult;
let queuesReached: (detailType: string) => string[];
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
  queuesReached = recordDeliveries(cloud);
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

  it("exports an X12 837P a clearinghouse accepts, with the patient's own diagnoses and the MBI", () => {
    const [interchange, ...others] = readX12(result.exports.x12);
    expect(others).toEqual([]);
    expect(interchange?.isa.elements[11]).toBe('00501');
    const group = interchange?.groups[0];
    expect(group?.gs.elements[0]).toBe('HC');
    expect(group?.gs.elements[7]).toBe('005010X222A1');
    const transaction = group?.transactions[0];
    expect(transaction?.st.elements.slice(0, 1).concat(transaction.st.elements.slice(2))).toEqual([
      '837',
      '005010X222A1',
    ]);
    const segments = transaction?.segments ?? [];
    const nm1 = (code: string) => segments.find((s) => s.tag === 'NM1' && s.elements[0] === code)?.elements;
    expect(isValidNpi(nm1('85')?.[8] ?? '')).toBe(true);
    expect(nm1('IL')?.[8]).toBe('1EG4TE5MK73');
    expect(segments.filter((s) => s.tag === 'CLM')).toHaveLength(1);
    expect(segments.find((s) => s.tag === 'HI')?.elements).toEqual(['ABK:E119', 'ABF:I5022', 'ABF:N1830']);
    expect(segments.filter((s) => s.tag === 'SV1').map((s) => s.elements[0])).toEqual([
      'HC:99439',
      'HC:99490',
    ]);
    const dates = segments
      .filter((s) => s.tag === 'DTP' && s.elements[0] === '472')
      .map((s) => s.elements[2]);
    expect(dates).toHaveLength(2);
    for (const date of dates) expect(date).toMatch(/^202610(0[1-9]|[12]\d|3[01])$/);
    expect(Number(transaction?.se.elements[0])).toBe(segments.length + 2);
    expect(group?.ge.elements[0]).toBe('1');
    expect(interchange?.iea.elements[0]).toBe('1');
  });

  it('puts the same lines in the CSV and the FHIR Claim bundle, priced with the Boston locality', () => {
    const rows = result.exports.csv.trimEnd().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',').slice(15, 18))).toEqual([
      ['99439', '1', '75.00'],
      ['99490', '1', '95.00'],
    ]);
    // Boston (locality 14212-01) pays 99439 at $55.55 and 99490 at $76.02.
    expect(rows.map((row) => row.split(',')[18])).toEqual(['55.55', '76.02']);
    const bundle = result.exports.fhir as {
      entry: {
        resource: { item: { productOrService: { coding: { code: string }[] } }[]; diagnosis: unknown[] };
      }[];
    };
    expect(bundle.entry).toHaveLength(1);
    expect(bundle.entry[0]?.resource.item.map((i) => i.productOrService.coding[0]?.code)).toEqual([
      '99439',
      '99490',
    ]);
    expect(bundle.entry[0]?.resource.diagnosis).toHaveLength(3);
  });

  it('delivers signed webhooks for the status changes', () => {
    expect(result.webhooksVerified).toBe(true);
    expect(result.webhookStatuses).toEqual(expect.arrayContaining(['eligible', 'enrolled']));
  });

  it('keeps every seeded PHI value out of log lines and events', () => {
    // The one identifier an event needs: eligibility checks coverage with the payer by member id
    // (X12 270), so ReferralReceived/ReferralUpdated carry it in coverage.memberId and nowhere else.
    // Two events carry identity on purpose, each to one consumer: the subscriber to billing (claims
    // need it) and the patient's name to the timeline (the console's patient page shows it).
    const identityEvents: Record<string, string> = {
      ClaimSubscriberChanged: 'billing-',
      PatientIdentified: 'timeline-',
    };
    for (const [detailType, consumer] of Object.entries(identityEvents)) {
      expect(cloud.bus.events().some((e) => e['detail-type'] === detailType)).toBe(true);
      const queuesWithIt = queuesReached(detailType);
      expect(queuesWithIt).not.toHaveLength(0);
      expect(
        queuesWithIt.every((name) => name.startsWith(consumer)),
        `${detailType} in ${queuesWithIt.join(', ')}`,
      ).toBe(true);
    }
    const carriesIdentity = (queue: string, message: unknown) =>
      Object.entries(identityEvents).some(
        ([detailType, consumer]) =>
          queue.startsWith(consumer) && JSON.stringify(message).includes(`"${detailType}"`),
      );
    const withoutCoverageMemberId = cloud.bus
      .events()
      .filter((e) => !(e['detail-type'] in identityEvents))
      .map((event) => {
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
      'a queue': JSON.stringify(
        [...cloud.queues.entries()].flatMap(([name, q]) => q.list().filter((m) => !carriesIdentity(name, m))),
      ),
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
