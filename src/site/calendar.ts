// Month grids for the by-date pages: weeks from Monday to Sunday, in the archive's time zone.
import { DateTime } from 'luxon';
import { site } from '../../site.config.ts';

/** Column headings, Monday first. */
export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * The month's weeks; each cell is a YYYY-MM-DD date, or null before the 1st and after the last day.
 * Made once per month: every page of a month shows its grid (luxon's zone offsets took 1.8 s of a
 * 10,000-bulletin build).
 */
export function monthWeeks(year: number, month: number): ReadonlyArray<ReadonlyArray<string | null>> {
  const key = year * 100 + month;
  let weeks = made.get(key);
  if (!weeks) made.set(key, weeks = makeMonthWeeks(year, month));
  return weeks;
}

const made = new Map<number, ReadonlyArray<ReadonlyArray<string | null>>>();

function makeMonthWeeks(year: number, month: number): Array<Array<string | null>> {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: site.zone });
  const cells: Array<string | null> = Array.from({ length: first.weekday - 1 }, () => null);
  for (let d = 1; d <= first.daysInMonth!; d++) cells.push(first.set({ day: d }).toISODate());
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
