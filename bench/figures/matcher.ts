import { compilePattern } from '../../packages/local/src/eventbridge/pattern';
import { type Figure, figure, throughput } from '../figure';

const rules = [
  { source: ['carelink.intake'], 'detail-type': ['ReferralReceived', 'ReferralUpdated'] },
  {
    source: ['carelink.outreach'],
    'detail-type': ['TimeLogged'],
    detail: { data: { minutes: [{ numeric: ['>', 20] }] } },
  },
  {
    source: [{ prefix: 'carelink.' }],
    detail: { metadata: { tenantId: [{ 'anything-but': ['bluepeak-health'] }] } },
  },
  { 'detail-type': [{ wildcard: 'Care*Changed' }], detail: { data: { service: [{ exists: true }] } } },
  { $or: [{ source: ['carelink.billing'] }, { detail: { data: { severity: ['urgent'] } } }] },
].map((pattern) => compilePattern(pattern));

function events(count: number): string[] {
  const kinds = [
    ['carelink.intake', 'ReferralReceived', { referralId: 'R', minutes: 0 }],
    ['carelink.outreach', 'TimeLogged', { minutes: 25, program: 'ccm' }],
    ['carelink.care-planning', 'CareTeamChanged', { service: 'pharmacy' }],
    ['carelink.outreach', 'RiskFlagged', { severity: 'urgent' }],
  ] as const;
  return Array.from({ length: count }, (_, i) => {
    const [source, detailType, data] = kinds[i % kinds.length] ?? kinds[0];
    return JSON.stringify({
      version: '0',
      id: `id-${i}`,
      source,
      'detail-type': detailType,
      account: '000000000000',
      time: '2026-11-25T10:00:00Z',
      region: 'us-east-1',
      resources: [],
      detail: { metadata: { eventId: `E${i}`, tenantId: i % 2 ? 'acme-health' : 'bluepeak-health' }, data },
    });
  });
}

/** Rule evaluations per second on the local bus, against merely parsing the same events. */
export async function matcherFigures(): Promise<Figure[]> {
  const raw = events(2_000);
  const parsed = raw.map((e) => JSON.parse(e) as object);
  let sink = 0;
  const baseline = throughput(() => {
    for (const e of raw) sink += (JSON.parse(e) as { id: string }).id.length;
    return raw.length;
  });
  const value = throughput(() => {
    for (const e of parsed) for (const matches of rules) sink += matches(e) ? 1 : 0;
    return parsed.length * rules.length;
  });
  if (sink === -1) console.log(sink);
  return [
    figure({
      figure: 'bus: pattern matching throughput',
      value,
      unit: 'event x rule/s',
      baseline,
      baselineLabel: 'JSON.parse of the same events',
      target: '>= 1x JSON.parse (matching costs no more than parsing)',
      pass: value >= baseline,
    }),
  ];
}
