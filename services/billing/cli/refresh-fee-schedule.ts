import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contractors } from '../domain/fee-data';
import { contractorsFrom, parseGpciFile, parseRvuFile } from './fee-files';

/**
 * Refreshes billing's fee data from the CMS Physician Fee Schedule files of a year:
 *   npm run fees:refresh -- --year 2027 --rvu PPRRVU27_JAN.csv --gpci GPCI2027.csv
 * Download both from https://www.cms.gov/medicare/payment/fee-schedules/physician/pfs-relative-value-files
 * (the RVU zip holds both). Writes `domain/data/physician-fee-schedule-<year>.json`, `domain/data/gpci-<year>.json`
 * and the contractor numbers in `domain/data/medicare-contractors.json`; point `domain/fee-data.ts` at the new year.
 */
const { values } = parseArgs({
  options: {
    year: { type: 'string' },
    rvu: { type: 'string' },
    gpci: { type: 'string' },
    'conversion-factor-note': { type: 'string' },
  },
});
if (!values.year || !values.rvu || !values.gpci) {
  console.error('usage: npm run fees:refresh -- --year YYYY --rvu <PPRRVU csv> --gpci <GPCI csv>');
  process.exit(2);
}
const year = Number(values.year);
const url = 'https://www.cms.gov/medicare/payment/fee-schedules/physician/pfs-relative-value-files';
const data = join(import.meta.dirname, '..', 'domain', 'data');

const rvu = parseRvuFile(readFileSync(values.rvu, 'utf8'), year, {
  title: `CY ${year} Medicare Physician Fee Schedule, national relative value file`,
  url,
  file: values.rvu.split('/').at(-1),
  ...(values['conversion-factor-note'] ? { conversionFactorNote: values['conversion-factor-note'] } : {}),
});
const gpci = parseGpciFile(readFileSync(values.gpci, 'utf8'), year, {
  title: `CY ${year} Medicare Physician Fee Schedule, geographic practice cost indices by locality`,
  url,
  file: values.gpci.split('/').at(-1),
});
const { file: contractorFile, unnamed } = contractorsFrom(gpci, contractors);

const write = (name: string, value: unknown) =>
  writeFileSync(join(data, name), `${JSON.stringify(value, null, 2)}\n`);
write(`physician-fee-schedule-${year}.json`, rvu);
write(`gpci-${year}.json`, gpci);
write('medicare-contractors.json', contractorFile);
console.log(
  `CY ${year}: conversion factor ${rvu.conversionFactor}, ${Object.keys(rvu.codes).length} codes, ${gpci.localities.length} localities`,
);
if (unnamed.length > 0)
  console.warn(`No MAC named for ${unnamed.join(', ')}: add them to domain/data/medicare-contractors.json`);
