/** Helpers that make draft blocks from plain strings, for the plugin tests. */
import type { DraftBlock } from '../src/lib/types.js';

/** Blocks p1, p2, … from paragraphs. */
export const blocks = (...texts: string[]): DraftBlock[] =>
  texts.map((text, i) => ({ id: `p${i + 1}`, kind: 'paragraph', text }));
