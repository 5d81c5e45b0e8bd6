import * as z from 'zod/mini';
import { BILLABLE_CODES } from './codes';
import gpciFile from './data/gpci-2026.json' with { type: 'json' };
import contractorsFile from './data/medicare-contractors.json' with { type: 'json' };
import rvuFile from './data/physician-fee-schedule-2026.json' with { type: 'json' };

/**
 * The fee-schedule data billing ships (`services/billing/domain/data/`, refreshed from the CMS files by
 * `npm run fees:refresh`), checked once when the module loads: a refresh that dropped a code Carelink
 * bills, or wrote a negative value, fails at start-up instead of pricing a claim wrongly.
 */

const Source = z.looseObject({ title: z.string(), url: z.url() });
const Rvu = z.number().check(z.gte(0), z.lte(100));

export const RvuFile = z.object({
  year: z.int().check(z.gte(2020)),
  source: Source,
  conversionFactor: z.number().check(z.gte(10), z.lte(100)),
  codes: z
    .record(z.string(), z.strictObject({ work: Rvu, nonFacilityPe: Rvu, facilityPe: Rvu, malpractice: Rvu }))
    .check(
      z.refine((codes) => BILLABLE_CODES.every((code) => code in codes), 'every billable code needs RVUs'),
    ),
});
export type RvuFile = z.infer<typeof RvuFile>;

const Gpci = z.number().check(z.gte(0.3), z.lte(3));
export const GpciFile = z.object({
  year: z.int().check(z.gte(2020)),
  source: Source,
  localities: z
    .array(
      z.strictObject({
        carrier: z.string().check(z.regex(/^\d{5}$/)),
        locality: z.string().check(z.regex(/^\d{2}$/)),
        state: z.string().check(z.regex(/^[A-Z]{2}$/)),
        name: z.string().check(z.minLength(1)),
        work: Gpci,
        pe: Gpci,
        malpractice: Gpci,
      }),
    )
    .check(z.minLength(1)),
});
export type GpciFile = z.infer<typeof GpciFile>;
export type Locality = GpciFile['localities'][number];

export const ContractorFile = z.object({
  source: Source,
  states: z.record(
    z.string().check(z.regex(/^[A-Z]{2}$/)),
    z.strictObject({
      mac: z.string().check(z.minLength(1)),
      jurisdiction: z.string().check(z.minLength(1)),
      contractors: z.array(z.string().check(z.regex(/^\d{5}$/))).check(z.minLength(1)),
    }),
  ),
});
export type ContractorFile = z.infer<typeof ContractorFile>;

export const rvus: RvuFile = RvuFile.parse(rvuFile);
export const gpcis: GpciFile = GpciFile.parse(gpciFile);
export const contractors: ContractorFile = ContractorFile.parse(contractorsFile);
