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
  addMilliseconds,
  compareInstants,
  epochMsOf,
  type Instant,
  type InstantLike,
  instantFromEpochMs,
  isInstant,
  parseInstant,
} from './instants';
export { addMonths, daysInMonth, type MonthBounds, monthBounds, monthOf, parseIsoMonth } from './months';
export {
  addDays,
  DAY_MS,
  dateOfDayNumber,
  dayNumberOf,
  daysBetween,
  HOUR_MS,
  isIsoDate,
  isoWeekday,
  MINUTE_MS,
  parseIsoDate,
} from './plain-date';
export {
  checkTimeZone,
  type Disambiguation,
  type LocalDateTime,
  localDate,
  localDateTime,
  startOfDay,
  utcOffsetMs,
  wallClockToEpochMs,
} from './time-zones';
