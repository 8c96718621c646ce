// The bulletin parser: bytes in, one validated record out. A pipeline of small named steps:
// decode, front matter, normalise, then one extraction step per field, then overrides.
import { createHash } from 'node:crypto';
import type { BulletinRecord, Origin } from '../record.ts';
import type { ParseContext, ParseOptions } from './context.ts';
import { decodeBulletin } from './decode.ts';
import { BulletinError } from './errors.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { normalise } from './normalise.ts';
import { readBulletinFile } from './read-file.ts';
import { applyFrontMatter } from './overrides.ts';
import { detectScript, toSimplifiedAligned } from './script.ts';
import { extractDate } from './steps/date.ts';
import { findHeadline } from './steps/headline.ts';
import { extractMeetings } from './steps/meetings.ts';
import { extractOfficials, withMeetingRoles } from './steps/officials.ts';
import { extractReporters } from './steps/reporters.ts';
import { reviewItems } from './steps/review.ts';
import { extractSource } from './steps/source.ts';
import { makeId, makeTitle } from './steps/title.ts';

export { BulletinError } from './errors.ts';
export type { ParseOptions } from './context.ts';

/** Parses a bulletin file from disk. Throws BulletinError for anything wrong with the file. */
export function parseBulletinFile(path: string, options: ParseOptions = {}): BulletinRecord {
  return parseBulletin(readBulletinFile(path), path, options);
}

/** Parses a bulletin's bytes; `path` names it in messages and may supply its date. */
export function parseBulletin(bytes: Uint8Array, path: string, options: ParseOptions = {}): BulletinRecord {
  const decoded = decodeBulletin(bytes, path);
  const front = splitFrontMatter(decoded.text, path);
  const clean = normalise(front.body);
  const simplified = toSimplifiedAligned(clean.text);
  const lineStarts = lineStartsOf(decoded.text);
  const ctx: ParseContext = {
    file: path,
    options,
    text: clean.text,
    simplified,
    script: detectScript(clean.text, simplified),
    locate: (offset) => {
      const index = offset >= clean.sourceIndex.length
        ? front.body.length
        : clean.sourceIndex[Math.max(0, offset)]!;
      return positionOf(lineStarts, front.bodyOffset + index);
    },
    warnings: [],
  };

  const origin: Record<string, Origin> = { text: 'text', script: 'inferred' };
  const headline = findHeadline(ctx);
  const date = extractDate(ctx, front.data, headline.bodyStart, decoded.text.slice(0, front.bodyOffset));
  origin.date = date.origin;
  const source = extractSource(ctx, headline.bodyStart);
  origin.source = source ? 'text' : 'inferred';
  const reporters = extractReporters(ctx, headline.bodyStart);
  origin.reporters = 'text';
  const officials = extractOfficials(ctx, reporters.spans);
  origin.officials = 'text';
  const meetings = extractMeetings(ctx, officials, date.date, headline.bodyStart);
  origin.meetings = 'text';
  const title = makeTitle(ctx, headline, meetings, reporters.spans);
  origin.title = title.origin;
  const id = makeId(path, date.date);
  origin.id = 'path';

  const record: BulletinRecord = {
    id,
    date: date.date,
    ...(date.endDate ? { end_date: date.endDate } : {}),
    title: title.title,
    source,
    script: ctx.script,
    officials: withMeetingRoles(officials.list, meetings),
    meetings,
    reporters: reporters.list,
    text: clean.text,
    readings: clean.readings,
    source_file: {
      path,
      encoding: decoded.encoding,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    origin,
    warnings: ctx.warnings,
    needs_review: [],
  };
  const edited = applyFrontMatter(record, front.data, path);
  edited.needs_review = reviewItems(edited);
  return edited;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(lineStarts: number[], index: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: index - lineStarts[lo]! + 1 };
}
