/**
 * Boilerplate: what a scraped page carries that is not the article — paywall counters and
 * subscription offers (core's `isBoilerplate`), share prompts, "read more" links, newsletter
 * sign-ups, copyright lines — is dropped; photo credit and caption lines go to `media`, not the
 * body. Nothing is extracted from what this step drops (DESIGN §2, invariant 5).
 */
import { isBoilerplate, type Media } from '@storykit/core';

const EXTRA_BOILERPLATE: readonly RegExp[] = [
  /^\s*(?:share (?:this|on)|share:|tweet|email|print|comments?\b)/i,
  /^\s*(?:read more|more from|recommended|related (?:stories|articles|coverage)|most read|popular now|trending)\b/i,
  /^\s*advertisement\s*$/i,
  /\bunlimited\b.{0,40}\b(?:journalism|access|stories|articles|reading)\b/i,
  /^\s*get (?:unlimited|full|digital|instant)\b/i,
  /\bnewsletter\b/i,
  /^\s*(?:follow us|sign up|log in|sign in|skip to (?:main )?content|menu|home\s*[|›>])/i,
  // A copyright line, not a sentence about copyright ("… trade secrets and copyright infringement").
  /^\s*©|^\s*copyright\b.{0,120}$|\ball rights reserved\b/i,
  /^\s*(?:home|news|world|politics|business|sports|opinion)(?:\s*[|›>/]\s*\w+)+\s*$/i,
];

/** Whether a paragraph is boilerplate rather than article. */
export function isPageBoilerplate(text: string): boolean {
  return isBoilerplate(text) || EXTRA_BOILERPLATE.some((pattern) => pattern.test(text));
}

/** A photo credit line: "Alexander Zemlianichenko/AP", "Photo: Jane Doe/Reuters", "(Photo by …)". */
const CREDIT =
  /^\(?\s*(?:(?:photo|photograph|image|picture)s?\s*(?:by|:|credit:)\s*|credit:\s*)?((?:[\p{Lu}][\p{L}.'’-]*\s?){1,4}\s*\/\s*(?:[\p{Lu}][\p{L}&.'’-]*\s?){1,4})\)?\s*$|^\(?\s*(?:photo|photograph|image|picture)s?\s*(?:by|:|credit:)\s*(.+?)\)?\s*$/iu;

/**
 * What a credit line opens with when it has no slash: the word for a photograph, as in
 * {@link CREDIT}'s second form.
 */
const CREDIT_WORD = /^\(?\s*(?:photo|photograph|image|picture)/iu;

/** The credit a line gives, if it is a credit line. */
export function creditOf(line: string): string | undefined {
  const text = line.trim();
  // CREDIT's first form holds a slash, its second opens with CREDIT_WORD: a line with neither is
  // no credit, and trying the first form's names on every line of a text cost 4 % of it.
  if (!text.includes('/') && !CREDIT_WORD.test(text)) return undefined;
  const match = CREDIT.exec(text);
  return match ? (match[1] ?? match[2])?.trim() : undefined;
}

/**
 * Splits a paragraph that holds a credit line (first or last line) from its caption:
 * `Alexander Zemlianichenko/AP\nUS Secretary of State John Kerry gestures …`.
 */
export function mediaFromLines(lines: readonly string[]): Media | undefined {
  const trimmed = lines.map((l) => l.trim()).filter(Boolean);
  if (trimmed.length === 0) return undefined;
  const firstCredit = creditOf(trimmed[0] as string);
  const lastCredit = trimmed.length > 1 ? creditOf(trimmed.at(-1) as string) : undefined;
  const credit = firstCredit ?? lastCredit;
  if (!credit) return undefined;
  const captionLines = firstCredit ? trimmed.slice(1) : trimmed.slice(0, -1);
  const caption = captionLines.join(' ').trim();
  return {
    id: 'photo',
    kind: 'image',
    credit,
    ...(caption ? { caption } : {}),
  };
}
