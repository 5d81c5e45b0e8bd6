import * as z from 'zod/mini';
import { withMeta } from '../meta';
import { IsoDate, Npi, Program, TenantId } from '../primitives';

/**
 * The directory's shared vocabulary: what a care organisation, practice, partner and network
 * agreement are, as the admin API accepts them and the directory's events carry them.
 */

/** A care organisation's id; `carelink-platform` names the platform's own trail and is never a tenant. */
export const CareOrganisationId = TenantId.check(
  z.refine((id) => id !== 'carelink-platform', 'a reserved id'),
);

export const PracticeId = withMeta(
  z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and hyphens, 2-63 characters')),
  { description: 'Practice identifier', example: 'practice-boston' },
);

export const PartnerId = withMeta(
  z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and hyphens, 2-63 characters')),
  { description: 'Referring organisation (partner) identifier', example: 'northwind-health' },
);

export const OrganisationName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** US taxpayer identification number of the billing entity: 9 digits, `12-3456789` accepted. */
export const Tin = withMeta(
  z.pipe(
    z.string().check(z.regex(/^\d{2}-?\d{7}$/, 'a 9-digit TIN such as 12-3456789')),
    z.transform((tin) => tin.replace('-', '')),
  ),
  { example: '04-2103594' },
);

/**
 * The Medicare fee-schedule locality the practice bills in: the MAC's carrier number and the
 * locality code within it, as the CMS GPCI file names them.
 */
export const MedicareLocality = withMeta(
  z.strictObject({
    carrier: z.string().check(z.regex(/^\d{5}$/, 'a 5-digit MAC carrier number')),
    locality: z.string().check(z.regex(/^\d{2}$/, 'a 2-digit locality code')),
  }),
  { example: { carrier: '14212', locality: '01' } },
);

/** How the practice bills care management: time-based CCM/PCM codes or monthly APCM. */
export const CareModel = z.enum(['time-based', 'apcm']);

/** A CMS place-of-service code (two digits). */
export const PlaceOfService = z.string().check(z.regex(/^\d{2}$/, 'a two-digit CMS place-of-service code'));

/** US dollars with cents, e.g. `95.00`. */
export const Dollars = z.string().check(z.regex(/^\d{1,7}\.\d{2}$/, 'dollars with cents such as 95.00'));

/**
 * How the practice's care management claims are filled: the place of service (11, office, unless the
 * practice bills as a hospital outpatient department, 22, paid at the facility rate), the date of
 * service of monthly codes (the last day of the month, or the day the threshold was met) and its
 * charge master (the charge per code; without one a line is charged its expected Medicare payment).
 */
const MonthlyDateOfService = z.enum(['end-of-month', 'threshold-met']);
const Charges = z.record(z.string().check(z.regex(/^[0-9A-Z]{5}$/, 'a CPT or HCPCS code')), Dollars);
export const ClaimSettings = withMeta(
  z.strictObject({
    placeOfService: z._default(PlaceOfService, '11'),
    monthlyDateOfService: z._default(MonthlyDateOfService, 'end-of-month'),
    charges: z._default(Charges, {}),
  }),
  {
    example: { placeOfService: '11', monthlyDateOfService: 'end-of-month', charges: { '99490': '95.00' } },
  },
);
export type ClaimSettings = z.output<typeof ClaimSettings>;

/** The claim settings as the directory publishes them: every default applied. */
export const ClaimSettingsData = z.strictObject({
  placeOfService: PlaceOfService,
  monthlyDateOfService: MonthlyDateOfService,
  charges: Charges,
});

export const BillingPractitioner = z.strictObject({
  npi: Npi,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

/** A two-letter US state (or territory) code. */
export const UsState = z.string().check(z.regex(/^[A-Z]{2}$/, 'a two-letter US state code'));

/** The first three digits of a ZIP code. */
export const Zip3 = z.string().check(z.regex(/^\d{3}$/, 'the first three digits of a ZIP code'));

/**
 * How an agreement claims a partner's referrals: the member's attributed PCP NPI is one of
 * `attributedNpis`; else the member lives in one of `states` or `zip3` areas; else `default`.
 */
export const AgreementRouting = z
  .strictObject({
    default: z.optional(z.boolean()),
    attributedNpis: z.optional(z.array(Npi).check(z.maxLength(500))),
    states: z.optional(z.array(UsState).check(z.maxLength(60))),
    zip3: z.optional(z.array(Zip3).check(z.maxLength(1000))),
  })
  .check(
    z.refine(
      (r) =>
        r.default === true ||
        (r.attributedNpis?.length ?? 0) + (r.states?.length ?? 0) + (r.zip3?.length ?? 0) > 0,
      'give at least one of default, attributedNpis, states or zip3',
    ),
  );
export type AgreementRouting = z.output<typeof AgreementRouting>;

export const AgreementPrograms = z.array(Program).check(
  z.minLength(1),
  z.maxLength(4),
  z.refine((programs) => new Set(programs).size === programs.length, 'each program at most once'),
);

export const EffectiveDate = IsoDate;

export * from './staff-vocabulary';
