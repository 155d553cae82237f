import type { Statement, StatementKind, Story } from './types.js';

/**
 * One utterance: a statement, or a quotation the writer broke up with its attribution
 * (`“A,” he said, “B.”`), held in the model as pieces — one statement per piece, each verbatim at
 * its own span — tied by `continues` relations from each later piece to the piece before it.
 */
export interface Utterance {
  /** The id of the first piece, which stands for the whole utterance. */
  readonly id: string;
  /** The first piece's kind. */
  readonly kind: StatementKind;
  /** The speaker's source id (`null` for the article's own voice); every piece has the same one. */
  readonly speaker: string | null;
  /** The pieces in reading order; one for a statement said in one go. */
  readonly pieces: readonly Statement[];
  /** The pieces' texts joined by a space: what the speaker said, without the writer's words. */
  readonly text: string;
}

/**
 * The story's statements as utterances, in the order of their first pieces: a statement that
 * `continues` another joins that one's utterance instead of standing alone.
 *
 * @example
 * ```ts
 * import { utterancesOf } from '@storykit/core';
 * for (const u of utterancesOf(story)) console.log(u.speaker, u.text, u.pieces.length);
 * ```
 */
export function utterancesOf(story: Story): Utterance[] {
  const previous = new Map<string, string>();
  for (const r of story.relations) if (r.kind === 'continues') previous.set(r.from, r.to);
  const first = (id: string): string => {
    let current = id;
    // A cycle is refused by validateStory; the bound keeps a hand-built story from looping.
    for (let guard = 0; guard < story.statements.length && previous.has(current); guard++)
      current = previous.get(current) as string;
    return current;
  };
  const groups = new Map<string, Statement[]>();
  for (const s of story.statements) {
    const key = first(s.id);
    const pieces = groups.get(key);
    if (pieces) pieces.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.entries()].map(([, pieces]) => {
    const head = pieces[0] as Statement;
    return {
      id: head.id,
      kind: head.kind,
      speaker: head.speaker,
      pieces,
      text: pieces.map((p) => p.text.trim()).join(' '),
    };
  });
}

/** The utterance a statement is a piece of (itself alone when it is not split). */
export function utteranceOf(story: Story, statementId: string): Utterance | undefined {
  return utterancesOf(story).find((u) => u.pieces.some((p) => p.id === statementId));
}
