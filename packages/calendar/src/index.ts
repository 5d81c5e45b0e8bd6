export { addBusinessDays, isBusinessDay } from './business-days';
export {
  type FederalHoliday,
  type FederalHolidayKey,
  FIRST_SUPPORTED_YEAR,
  federalHolidayOn,
  federalHolidays,
  isFederalHoliday,
  LAST_SUPPORTED_YEAR,
} from './federal-holidays';
export {
  addMonths,
  type InstantInput,
  type MonthBounds,
  type MonthInput,
  monthBounds,
  monthOf,
  toPlainYearMonth,
} from './months';
export { type DateInput, isIsoDate, toPlainDate } from './plain-date';
