import { pairCutAt } from './text-boundary.js';
import type { Anchor, Block, Span } from './types.js';

/** The result of {@link resolveAnchor}: a span, or why there is none. */
export type AnchorResult =
  | { readonly ok: true; readonly span: Span }
  | { readonly ok: false; readonly message: string };

interface Match {
  readonly block: string;
  readonly start: number;
}

const quote = (value: string): string => JSON.stringify(value);

/**
 * Finds the one place in the body an anchor points at, the way a W3C Web Annotation
 * TextQuoteSelector is resolved: `exact` must occur, `prefix`/`suffix` must stand right around it,
 * and if several places still match, `occurrence` (from 1) picks one. Fails with a message that
 * says what was looked for and why it did not resolve.
 */
export function resolveAnchor(body: readonly Block[], anchor: Anchor): AnchorResult {
  const selector = typeof anchor === 'string' ? { exact: anchor } : anchor;
  const { exact, prefix, suffix, occurrence, block } = selector;
  const blocks = block === undefined ? body : body.filter((b) => b.id === block);
  if (block !== undefined && blocks.length === 0) {
    return { ok: false, message: `no body block ${quote(block)}` };
  }
  const matches: Match[] = [];
  let cut: { block: string; start: number; what: string } | undefined;
  for (const candidate of blocks) {
    const text = candidate.text;
    let from = 0;
    for (;;) {
      const start = text.indexOf(exact, from);
      if (start < 0) break;
      from = start + 1;
      const end = start + exact.length;
      if (
        prefix !== undefined &&
        !(start >= prefix.length && text.startsWith(prefix, start - prefix.length))
      )
        continue;
      if (suffix !== undefined && !text.startsWith(suffix, end)) continue;
      // A match that begins or ends inside a CR LF or surrogate pair is not the text as written.
      const what = pairCutAt(text, start) ?? pairCutAt(text, end);
      if (what !== undefined) {
        cut ??= { block: candidate.id, start, what };
        continue;
      }
      matches.push({ block: candidate.id, start });
    }
  }
  const where = block === undefined ? 'the body' : `block ${block}`;
  if (matches.length === 0 && cut !== undefined) {
    return {
      ok: false,
      message: `text ${quote(exact)} is found only where it would cut ${cut.what} in two (${cut.block}@${cut.start}); expected the anchor to take the whole pair or none of it`,
    };
  }
  if (matches.length === 0) {
    return {
      ok: false,
      message: `text ${quote(exact)} not found in ${where}${nearMiss(blocks, exact)}`,
    };
  }
  if (occurrence !== undefined) {
    const chosen = matches[occurrence - 1];
    if (!chosen) {
      return {
        ok: false,
        message: `occurrence ${occurrence} of ${quote(exact)} asked for, but ${where} has ${matches.length}`,
      };
    }
    return { ok: true, span: toSpan(chosen, exact) };
  }
  const [only, ...others] = matches;
  if (only && others.length === 0) return { ok: true, span: toSpan(only, exact) };
  const places = matches.map((m) => `${m.block}@${m.start}`).join(', ');
  return {
    ok: false,
    message: `text ${quote(exact)} matches ${matches.length} times (${places}); expected one: add a prefix, suffix, block or occurrence`,
  };
}

function toSpan(match: Match, exact: string): Span {
  return { block: match.block, start: match.start, end: match.start + exact.length };
}

/** Says how close the body came to the text, so a one-character typo is easy to find. */
function nearMiss(blocks: readonly Block[], exact: string): string {
  let best = { length: 0, block: '', at: 0 };
  for (const candidate of blocks) {
    // Grow the longest prefix of `exact` that the block contains (binary search on its length).
    let low = 0;
    let high = exact.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (candidate.text.includes(exact.slice(0, mid))) low = mid;
      else high = mid - 1;
    }
    if (low > best.length)
      best = { length: low, block: candidate.id, at: candidate.text.indexOf(exact.slice(0, low)) };
  }
  if (best.length < Math.min(8, exact.length)) return '';
  const text = blocks.find((b) => b.id === best.block)?.text ?? '';
  const found = text.slice(best.at + best.length, best.at + best.length + 1);
  const wanted = exact.slice(best.length, best.length + 1);
  return `; closest is ${best.block}, which differs at character ${best.length + 1}: the article has ${found ? quote(found) : 'the end of the block'} where ${quote(wanted)} was expected`;
}
