// The fictional roster: who holds which post in a place in a year, and the titles of each post.
// Fixed, independent of the seed.
import * as V from './vocabulary.ts';

const TERM_YEARS = 5;

/** The person on `rung` (0-1 deputy, 2 executive deputy, 3 head, 4 party secretary) in `year`. */
export function officeHolder(j: V.Jurisdiction, rung: V.Rung, year: number): string {
  const term = Math.floor((year - j.termStart) / TERM_YEARS);
  const size = j.people.length;
  return j.people[(((term - rung) % size) + size) % size] as string;
}

/** A person's posts over the years, as spans of one short title (Simplified), e.g. 区长 2012-2016. */
export function titleHistory(name: string, from: number, to: number): { from: number; to: number; place: string; title: string }[] {
  const spans: { from: number; to: number; place: string; title: string }[] = [];
  for (let year = from; year <= to; year++) {
    for (const j of V.JURISDICTIONS) {
      for (const rung of [0, 1, 2, 3, 4] as const) {
        if (officeHolder(j, rung, year) !== name) continue;
        const title = expandTitle(shortTitle(j, rung), j);
        const last = spans[spans.length - 1];
        if (last && last.title === title && last.place === j.name && last.to === year - 1) last.to = year;
        else spans.push({ from: year, to: year, place: j.name, title });
      }
    }
  }
  return spans;
}

export function isTown(j: V.Jurisdiction): boolean {
  return j.level === '镇' || j.level === '乡';
}

/** 区委 for a district, 镇党委 for a town. */
export function committee(j: V.Jurisdiction): string {
  return isTown(j) ? `${j.level}党委` : `${j.level}委`;
}

export function expandTitle(template: string, j: V.Jurisdiction): string {
  return template.replaceAll('{L}', j.level).replaceAll('{C}', committee(j)).replaceAll('{P}', j.name);
}

export function shortTitle(j: V.Jurisdiction, rung: V.Rung): string {
  return isTown(j) ? V.SHORT_TITLES[rung].town : V.SHORT_TITLES[rung].city;
}
