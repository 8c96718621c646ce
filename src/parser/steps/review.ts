// Refiner: what an editor should look at. Each field a rule had to guess or could not find becomes
// one review item; a field that front matter sets is the editor's word and needs no review.
import type { BulletinRecord, ReviewItem } from '../../record.ts';
import { isKnownKind } from './meetings.ts';

// Kinds of event nobody presides over: a visit or inspection has a leader, not a chair.
const UNCHAIRED = new Set(['调研']);

export function reviewItems(record: BulletinRecord): ReviewItem[] {
  const items: ReviewItem[] = [];
  const origin = record.origin;
  if (origin.date === 'flag') {
    items.push({ field: 'date', reason: `the text gives no year; ${record.date.slice(0, 4)} came from --year` });
  } else if (origin.date === 'path') {
    items.push({ field: 'date', reason: `the text gives no full date; ${record.date.slice(0, 4)} came from the file's name or folder` });
  }
  if (origin.title === 'inferred') {
    items.push({ field: 'title', reason: 'the text has no headline; the title was made up from its first sentence or meetings' });
  }
  if (origin.meetings !== 'front-matter') {
    if (record.meetings.length === 0) {
      items.push({ field: 'meetings', reason: 'no meeting or event was found in the text' });
    }
    record.meetings.forEach((meeting, i) => {
      if (meeting.types.length === 0) {
        items.push({ field: `meetings[${i}].types`, reason: `the kind of '${meeting.name}' is not one the parser knows` });
      } else if (!meeting.types.some(isKnownKind)) {
        items.push({ field: `meetings[${i}].types`, reason: `the kind '${meeting.types.join('、')}' was read from the last word of '${meeting.name}'; it is not one the parser knows` });
      }
      if (meeting.chairs.length === 0 && !meeting.types.some((t) => UNCHAIRED.has(t))) {
        items.push({ field: `meetings[${i}].chairs`, reason: `no chair was found for '${meeting.name}'` });
      }
    });
  }
  return items;
}
