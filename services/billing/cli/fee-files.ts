import { parse } from 'csv-parse/sync';
import { BILLABLE_CODES } from '../domain/codes';
import {
  type ContractorFile,
  type GpciFile,
  GpciFile as GpciSchema,
  type RvuFile,
  RvuFile as RvuSchema,
} from '../domain/fee-data';

/**
 * Reads the CMS Physician Fee Schedule files (the national relative value file `PPRRVU<yy>_*.csv`
 * and the GPCI file `GPCI<yyyy>.csv`) into the data billing ships. The CMS files start with title
 * lines before their column header, and their column names vary a little between years, so columns
 * are found by name, not position.
 */

type Rows = string[][];

const rowsOf = (csv: string): Rows =>
  parse(csv, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });

const normalised = (cell: string) => cell.toUpperCase().replace(/\s+/g, ' ');

function headerIndex(rows: Rows, isHeader: (row: string[]) => boolean, what: string): number {
  const index = rows.findIndex(isHeader);
  if (index < 0) throw new Error(`No ${what} column header found`);
  return index;
}

function column(header: string[], what: string, ...patterns: RegExp[]): number {
  const index = header.findIndex((cell) => patterns.some((pattern) => pattern.test(normalised(cell))));
  if (index < 0) throw new Error(`Column "${what}" not found in ${header.join(', ')}`);
  return index;
}

const numberAt = (row: string[], index: number, what: string): number => {
  const value = Number(row[index]);
  if (!Number.isFinite(value)) throw new Error(`${what}: "${row[index]}" is not a number`);
  return value;
};

/** RVUs of the codes Carelink bills (global service, no modifier) and the conversion factor. */
export function parseRvuFile(csv: string, year: number, source: RvuFile['source']): RvuFile {
  const rows = rowsOf(csv);
  const at = headerIndex(rows, (row) => normalised(row[0] ?? '') === 'HCPCS', 'HCPCS');
  const header = rows[at] ?? [];
  const col = {
    modifier: column(header, 'MOD', /^MOD$/),
    work: column(header, 'WORK RVU', /^WORK RVU/, /^RVU$/),
    nonFacilityPe: column(header, 'NON-FAC PE RVU', /^NON-FAC(ILITY)? PE RVU/),
    facilityPe: column(header, 'FACILITY PE RVU', /^FACILITY PE RVU/),
    malpractice: column(header, 'MP RVU', /^MP RVU/, /^MALPRACTICE RVU/),
    conversionFactor: column(header, 'CONV FACTOR', /^CONV(ERSION)? FACTOR/),
  };
  const wanted = new Set<string>(BILLABLE_CODES);
  const codes: RvuFile['codes'] = {};
  let conversionFactor: number | undefined;
  for (const row of rows.slice(at + 1)) {
    const code = row[0] ?? '';
    if (!wanted.has(code) || (row[col.modifier] ?? '') !== '') continue;
    codes[code] = {
      work: numberAt(row, col.work, `${code} work RVU`),
      nonFacilityPe: numberAt(row, col.nonFacilityPe, `${code} non-facility PE RVU`),
      facilityPe: numberAt(row, col.facilityPe, `${code} facility PE RVU`),
      malpractice: numberAt(row, col.malpractice, `${code} MP RVU`),
    };
    conversionFactor ??= numberAt(row, col.conversionFactor, 'conversion factor');
  }
  const sorted = Object.fromEntries(Object.entries(codes).sort(([a], [b]) => (a < b ? -1 : 1)));
  return RvuSchema.parse({ year, source, conversionFactor, codes: sorted });
}

/** Every locality's GPCIs (work with its floor, practice expense, malpractice). */
export function parseGpciFile(csv: string, year: number, source: GpciFile['source']): GpciFile {
  const rows = rowsOf(csv);
  const at = headerIndex(rows, (row) => row.some((cell) => /LOCALITY NUMBER/.test(normalised(cell))), 'GPCI');
  const header = rows[at] ?? [];
  const col = {
    carrier: column(header, 'MAC', /^MEDICARE ADMINISTRATIVE CONTRACTOR/, /^CARRIER/, /^MAC$/),
    state: column(header, 'State', /^STATE$/),
    locality: column(header, 'Locality Number', /LOCALITY NUMBER/),
    name: column(header, 'Locality Name', /LOCALITY NAME/),
    work: column(header, 'PW GPCI', /PW GPCI \(WITH/, /PW GPCI/),
    pe: column(header, 'PE GPCI', /PE GPCI/),
    malpractice: column(header, 'MP GPCI', /MP GPCI/),
  };
  const localities = rows
    .slice(at + 1)
    .filter((row) => /^\d{5}$/.test(row[col.carrier] ?? ''))
    .map((row) => ({
      carrier: row[col.carrier] ?? '',
      locality: (row[col.locality] ?? '').padStart(2, '0'),
      state: (row[col.state] ?? '').toUpperCase(),
      name: (row[col.name] ?? '').replace(/\*+$/, '').trim(),
      work: numberAt(row, col.work, 'work GPCI'),
      pe: numberAt(row, col.pe, 'PE GPCI'),
      malpractice: numberAt(row, col.malpractice, 'MP GPCI'),
    }))
    .sort(
      (a, b) =>
        a.state.localeCompare(b.state) ||
        a.carrier.localeCompare(b.carrier) ||
        a.locality.localeCompare(b.locality),
    );
  return GpciSchema.parse({ year, source, localities });
}

/**
 * The contractor numbers of each state, from the GPCI file's localities, keeping the MAC names the
 * file already has; states without a known MAC are returned so the refresh can say so.
 */
export function contractorsFrom(
  gpci: GpciFile,
  current: ContractorFile,
): { file: ContractorFile; unnamed: string[] } {
  const byState = new Map<string, Set<string>>();
  for (const row of gpci.localities)
    byState.set(row.state, (byState.get(row.state) ?? new Set()).add(row.carrier));
  const states: ContractorFile['states'] = {};
  const unnamed: string[] = [];
  for (const [state, carriers] of [...byState.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const known = current.states[state];
    if (!known) {
      unnamed.push(state);
      continue;
    }
    states[state] = { ...known, contractors: [...carriers].sort() };
  }
  return { file: { ...current, states }, unnamed };
}
