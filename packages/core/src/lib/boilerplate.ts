/**
 * Lines a scraped article carries that are not the article: paywall counters, subscription offers,
 * "read more" links, share prompts. Nothing may be extracted from them (DESIGN §2, invariant 5).
 */
export const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /\bsubscribe\b/i,
  /\bsubscription\b/i,
  /\bunlimited (digital )?(access|stories|journalism)\b/i,
  /\bfree articles?\b/i,
  /\byou'?ve read\b/i,
  /\bstories this month\b/i,
  /^\s*(read more|continue reading|related:|share this|sign up)\b/i,
  /\b(log|sign) in to (read|continue)\b/i,
  /\/month\b/i,
];

/** Whether a line of text is boilerplate (paywall, offer, "read more") rather than article. */
export function isBoilerplate(text: string): boolean {
  return BOILERPLATE_PATTERNS.some((pattern) => pattern.test(text));
}
