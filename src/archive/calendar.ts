// The archive by date: years with all twelve months, the months and days that have bulletins, and
// monthly counts for the charts. Every grouping by year or month is done here.
import { type BulletinEntry, type DayData, type MonthCount, type MonthData, toRef, type YearData } from './model.ts';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const pad = (n: number) => String(n).padStart(2, '0');

/** The year of an ISO date (YYYY-MM-DD). */
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Items grouped by the year of their date, in ascending order of year; each group keeps the items' order. */
export function byYear<T extends { date: string }>(items: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const y = yearOf(item.date);
    const list = groups.get(y);
    if (list) list.push(item);
    else groups.set(y, [item]);
  }
  return new Map([...groups].sort((a, b) => a[0] - b[0]));
}

/** The distinct years of some dated items, ascending. */
export function yearsOf(items: ReadonlyArray<{ date: string }>): number[] {
  return [...byYear(items).keys()];
}

/** Counts per month, every month from January of the first year to December of the last. */
export function monthlySeries(dates: string[]): MonthCount[] {
  if (dates.length === 0) return [];
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d.slice(0, 7), (counts.get(d.slice(0, 7)) ?? 0) + 1);
  const years = dates.map(yearOf);
  const out: MonthCount[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) {
    for (const m of MONTHS) out.push({ month: `${y}-${pad(m)}`, count: counts.get(`${y}-${pad(m)}`) ?? 0 });
  }
  return out;
}

/** Years, months and days of bulletins sorted oldest first. */
export function calendar(bulletins: readonly BulletinEntry[]): { years: YearData[]; months: MonthData[]; days: DayData[] } {
  const years: YearData[] = [];
  const monthsWith: MonthData[] = [];
  const days: DayData[] = [];
  for (const [year, entries] of byYear(bulletins)) {
    const months = MONTHS.map((m): MonthData => {
      const month = `${year}-${pad(m)}`;
      const inMonth = entries.filter((e) => e.date.startsWith(month));
      const monthDays = [...new Set(inMonth.map((e) => e.date))].map((date): DayData => ({
        date, url: `/${date.replaceAll('-', '/')}/`, bulletins: inMonth.filter((e) => e.date === date).map(toRef),
      }));
      return { month, year, number: m, url: `/${year}/${pad(m)}/`, count: inMonth.length, days: monthDays };
    });
    years.push({ year, url: `/${year}/`, count: entries.length, months });
    for (const m of months) {
      if (m.count === 0) continue;
      monthsWith.push(m);
      days.push(...m.days);
    }
  }
  return { years, months: monthsWith, days };
}
