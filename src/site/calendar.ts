// Month grids for the by-date pages: weeks from Monday to Sunday. A calendar date's weekday is the
// same in every time zone, so the grid needs none.

/** Column headings, Monday first. */
export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * The month's weeks; each cell is a YYYY-MM-DD date, or null before the 1st and after the last day.
 * Made once per month: every page of a month shows its grid. No luxon: made in the site's zone with
 * it, the 204 months of a 10,000-bulletin archive cost 0.4 s.
 */
export function monthWeeks(year: number, month: number): ReadonlyArray<ReadonlyArray<string | null>> {
  const key = year * 100 + month;
  let weeks = made.get(key);
  if (!weeks) made.set(key, weeks = makeMonthWeeks(year, month));
  return weeks;
}

const made = new Map<number, ReadonlyArray<ReadonlyArray<string | null>>>();

function makeMonthWeeks(year: number, month: number): Array<Array<string | null>> {
  const first = new Date(0);
  first.setUTCFullYear(year, month - 1, 1);
  // getUTCDay: 0 is Sunday; the grid starts on Monday.
  const blanks = (first.getUTCDay() + 6) % 7;
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  const prefix = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-`;
  const cells: Array<string | null> = Array.from({ length: blanks }, () => null);
  for (let d = 1; d <= last.getUTCDate(); d++) cells.push(prefix + String(d).padStart(2, '0'));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
