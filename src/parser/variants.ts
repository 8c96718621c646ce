// Variant characters a reader takes for one character but opencc's conversion leaves apart (著/着):
// one table for the scorer's folding and the duplicate key of `bulletin add`.

/** Each variant and the character it is folded to. */
export const VARIANTS: Readonly<Record<string, string>> = { 著: '着', 於: '于', 峯: '峰', 羣: '群', 綫: '线', 爲: '为', 裏: '里', 衆: '众' };

const VARIANT = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'gu');

/** `text` with each variant replaced by the character it folds to. */
export function foldVariants(text: string): string {
  return text.replace(VARIANT, (c) => VARIANTS[c]!);
}
