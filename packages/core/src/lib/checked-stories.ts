import { deepFreeze, isDeepFrozen } from './freeze.js';
import type { Story } from './types.js';

/**
 * Stories this copy of `@storykit/core` knows to be valid. A WeakSet holds no story alive, and
 * only frozen stories enter it: a story that could change after the check could break an
 * invariant without anyone noticing.
 */
const checked = new WeakSet<object>();

/** Freezes a story that has passed every check and remembers it as checked. */
export function sealStory(story: Story): Story {
  deepFreeze(story);
  checked.add(story);
  return story;
}

/**
 * Remembers `input` as checked when it passed the schema and every invariant, is deeply frozen,
 * and equals the schema's output (no default was filled in that a generator would then miss).
 */
export function rememberValid(input: unknown, parsed: unknown): void {
  if (input && typeof input === 'object' && isDeepFrozen(input) && sameData(input, parsed)) {
    checked.add(input);
  }
}

/** Whether a value is a story this copy of `@storykit/core` has checked (and frozen). */
export function isCheckedStory(value: unknown): value is Story {
  return typeof value === 'object' && value !== null && checked.has(value);
}

/** Deep equality of two JSON-like values; key order does not matter. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) =>
    sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
