import type { Payer, ProfessionalClaim } from './claims';

/**
 * Renders claims as ASC X12 837 professional claims, version 005010X222A1: one interchange (ISA/IEA)
 * per payer, each with one functional group (GS/GE) and one transaction set (ST/SE) holding the
 * billing provider (2000A), one subscriber (2000B) per claim, one CLM per patient-month and one SV1
 * per code. Elements are separated by `*`, components by `:`, repetitions by `^`, segments by `~`.
 */

/** Who sends the file and the control numbers it may use (each interchange takes the next one). */
export interface X12Envelope {
  /** The submitter's id (ISA06, NM1*41): the practice's TIN unless the clearinghouse assigned another. */
  submitterId: string;
  submitterName: string;
  contactPhone: string;
  /** The first interchange control number to use (1..999999999). */
  firstControlNumber: number;
  /** When the file was created. */
  createdAt: Date;
}

/** Element text without the delimiters, upper case as payers expect, trimmed to `max` characters. */
const text = (value: string, max: number): string =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[*~:^\r\n]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase()
    .slice(0, max);

/** Fixed-width ISA elements: left-aligned and padded with spaces. */
const pad = (value: string, width: number): string => text(value, width).padEnd(width, ' ');

const amount = (cents: number): string => String(cents / 100);
const ccyymmdd = (isoDate: string): string => isoDate.slice(0, 10).replaceAll('-', '');
const zip = (postalCode: string): string => postalCode.replace('-', '');
const sexCode = { female: 'F', male: 'M', other: 'U', unknown: 'U' } as const;

/** "Dr. Ana Ruiz, MD" → last RUIZ, first ANA. */
const personName = (name: string): { last: string; first: string } => {
  const words = name
    .replace(/,.*$/, '')
    .replace(/^(dr|mr|mrs|ms)\.?\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  return { last: words.at(-1) ?? name, first: words.slice(0, -1).join(' ') };
};

const segment = (...elements: string[]): string => {
  let end = elements.length;
  while (end > 1 && elements[end - 1] === '') end--;
  return `${elements.slice(0, end).join('*')}~`;
};

function transaction(
  claims: readonly ProfessionalClaim[],
  payer: Payer,
  envelope: X12Envelope,
  controlNumber: string,
) {
  const first = claims[0];
  if (!first) throw new RangeError('An 837 needs at least one claim');
  const provider = first.billingProvider;
  const created = envelope.createdAt.toISOString();
  const segments: string[] = [
    segment('ST', '837', controlNumber.slice(-4).padStart(4, '0'), '005010X222A1'),
    segment(
      'BHT',
      '0019',
      '00',
      controlNumber,
      ccyymmdd(created),
      created.slice(11, 16).replace(':', ''),
      'CH',
    ),
    segment(
      'NM1',
      '41',
      '2',
      text(envelope.submitterName, 60),
      '',
      '',
      '',
      '',
      '46',
      text(envelope.submitterId, 80),
    ),
    segment(
      'PER',
      'IC',
      text(envelope.submitterName, 60),
      'TE',
      envelope.contactPhone.replace(/\D/g, '').slice(-10),
    ),
    segment('NM1', '40', '2', text(payer.name, 60), '', '', '', '', '46', text(payer.payerId, 80)),
    segment('HL', '1', '', '20', '1'),
    segment('NM1', '85', '2', text(provider.name, 60), '', '', '', '', 'XX', provider.npi),
    segment('N3', text(provider.address.line1, 55), text(provider.address.line2 ?? '', 55)),
    segment('N4', text(provider.address.city, 30), provider.address.state, zip(provider.address.postalCode)),
    segment('REF', 'EI', provider.tin),
  ];
  claims.forEach((claim, index) => {
    const { subscriber } = claim;
    const rendering = personName(claim.renderingProvider.name);
    const pointers = claim.diagnosisCodes.slice(0, 4).map((_, i) => String(i + 1));
    segments.push(
      segment('HL', String(index + 2), '1', '22', '0'),
      segment('SBR', 'P', '18', '', '', '', '', '', '', claim.payer.filingIndicator),
      segment(
        'NM1',
        'IL',
        '1',
        text(subscriber.name.family, 60),
        text(subscriber.name.given[0] ?? '', 35),
        text(subscriber.name.given[1] ?? '', 25),
        '',
        '',
        'MI',
        text(subscriber.id, 80),
      ),
      segment('N3', text(subscriber.address.line1, 55), text(subscriber.address.line2 ?? '', 55)),
      segment(
        'N4',
        text(subscriber.address.city, 30),
        subscriber.address.state,
        zip(subscriber.address.postalCode),
      ),
      segment('DMG', 'D8', ccyymmdd(subscriber.birthDate), sexCode[subscriber.sex]),
      segment(
        'NM1',
        'PR',
        '2',
        text(claim.payer.name, 60),
        '',
        '',
        '',
        '',
        'PI',
        text(claim.payer.payerId, 80),
      ),
      segment(
        'CLM',
        claim.claimId,
        amount(claim.totalChargeCents),
        '',
        '',
        `${claim.placeOfService}:B:1`,
        'Y',
        'A',
        'Y',
        'Y',
      ),
      segment(
        'HI',
        ...claim.diagnosisCodes.map((code, i) => `${i === 0 ? 'ABK' : 'ABF'}:${code.replace('.', '')}`),
      ),
      segment(
        'NM1',
        '82',
        '1',
        text(rendering.last, 60),
        text(rendering.first, 35),
        '',
        '',
        '',
        'XX',
        claim.renderingProvider.npi,
      ),
    );
    claim.lines.forEach((line, lineIndex) => {
      segments.push(
        segment('LX', String(lineIndex + 1)),
        segment(
          'SV1',
          `HC:${line.code}`,
          amount(line.chargeCents),
          'UN',
          String(line.units),
          '',
          '',
          pointers.join(':'),
        ),
        segment('DTP', '472', 'D8', ccyymmdd(line.dateOfService)),
      );
    });
  });
  segments.push(segment('SE', String(segments.length + 1), controlNumber.slice(-4).padStart(4, '0')));
  return segments;
}

/**
 * The 837P file of a run: one interchange per payer, in payer-id order, numbered from
 * `envelope.firstControlNumber`. Returns the file and how many control numbers it used.
 */
export function claimsToX12(
  claims: readonly ProfessionalClaim[],
  envelope: X12Envelope,
): { body: string; interchanges: number } {
  const byPayer = new Map<string, ProfessionalClaim[]>();
  for (const claim of claims)
    byPayer.set(claim.payer.payerId, [...(byPayer.get(claim.payer.payerId) ?? []), claim]);
  const created = envelope.createdAt.toISOString();
  const date = ccyymmdd(created);
  const time = created.slice(11, 16).replace(':', '');
  const payers = [...byPayer.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const files = payers.map(([, payerClaims], index) => {
    const payer = (payerClaims[0] as ProfessionalClaim).payer;
    const control = String(envelope.firstControlNumber + index).padStart(9, '0');
    const sender = text(envelope.submitterId, 15);
    const receiver = text(payer.payerId, 15);
    return [
      `ISA*00*${pad('', 10)}*00*${pad('', 10)}*ZZ*${pad(sender, 15)}*ZZ*${pad(receiver, 15)}*${date.slice(2)}*${time}*^*00501*${control}*0*P*:~`,
      segment('GS', 'HC', sender, receiver, date, time, String(Number(control)), 'X', '005010X222A1'),
      ...transaction(payerClaims, payer, envelope, control),
      segment('GE', '1', String(Number(control))),
      segment('IEA', '1', control),
    ].join('\n');
  });
  return { body: files.length > 0 ? `${files.join('\n')}\n` : '', interchanges: files.length };
}
