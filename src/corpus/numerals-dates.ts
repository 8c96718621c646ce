// Chinese numerals and calendar days for the generated corpus: plain calendar arithmetic in UTC
// (no time zone is involved in a calendar date).

const CN_DIGITS = '零一二三四五六七八九';

/** 17 → 十七, 103 → 一百零三, 110 → 一百一十 (1 ≤ n ≤ 9999). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n] as string;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += '零';
    zero = false;
    out += (CN_DIGITS[d] as string) + units[digits.length - 1 - i];
  });
  return out;
}

/** The ordinals of 一要/一是 items. */
export const ORDINALS = '一二三四五六七八';

/** A calendar day. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

export function dayOfYear(year: number, index: number): Day {
  const d = new Date(Date.UTC(year, 0, 1 + index));
  return { year, month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isWeekend(year: number, index: number): boolean {
  const weekday = new Date(Date.UTC(year, 0, 1 + index)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function iso(d: Day): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
