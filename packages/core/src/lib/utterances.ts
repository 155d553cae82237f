import { centralClaim } from './query.js';
import type { Attribution, Relation, Statement, StatementKind, Story } from './types.js';

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
  /**
   * The pieces' texts, trimmed and joined by a space: what the speaker said, without the writer's
   * words. A statement in one piece keeps its text exactly as it is.
   */
  readonly text: string;
  /**
   * How the utterance reached the article: each field from the first piece that has it (the
   * reporting verb often sits with the first piece only, a venue may come with a later one).
   */
  readonly attribution: Attribution;
  /** The first topic a piece carries, if any. */
  readonly topic?: string;
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
    const topic = pieces.find((p) => p.topic !== undefined)?.topic;
    return {
      id: head.id,
      kind: head.kind,
      speaker: head.speaker,
      pieces,
      // One piece keeps its text verbatim; pieces are trimmed so that the joins have one space.
      text: pieces.length === 1 ? head.text : pieces.map((p) => p.text.trim()).join(' '),
      attribution: mergedAttribution(pieces),
      ...(topic === undefined ? {} : { topic }),
    };
  });
}

function mergedAttribution(pieces: readonly Statement[]): Attribution {
  const [head] = pieces;
  if (pieces.length === 1 && head) return head.attribution;
  const merged: Record<string, unknown> = {};
  for (const p of pieces)
    for (const [field, value] of Object.entries(p.attribution))
      if (value !== undefined && !(field in merged)) merged[field] = value;
  return merged as Attribution;
}

/** The utterance a statement is a piece of (itself alone when it is not split). */
export function utteranceOf(story: Story, statementId: string): Utterance | undefined {
  return utterancesOf(story).find((u) => u.pieces.some((p) => p.id === statementId));
}

/** A relation seen from one utterance: the utterance at the other end and which way it points. */
export interface UtteranceRelation {
  /** The relation as the story lists it, between two pieces (never a `continues`). */
  readonly relation: Relation;
  /** `outgoing` when a piece of the utterance is the relation's `from`, `incoming` when its `to`. */
  readonly direction: 'outgoing' | 'incoming';
  /** The utterance at the other end. */
  readonly other: Utterance;
}

/**
 * The relations between utterances, by utterance id: a relation from or to any piece counts for
 * the whole utterance, once per kind, direction and other utterance, in the order the story lists
 * them. The `continues` relations that tie the pieces, and a relation between two pieces of one
 * utterance, are left out.
 */
export function utteranceRelations(
  story: Story,
  utterances: readonly Utterance[] = utterancesOf(story),
): Map<string, UtteranceRelation[]> {
  const byPiece = utterancesByPiece(utterances);
  const out = new Map<string, UtteranceRelation[]>();
  const seen = new Set<string>();
  const add = (at: Utterance, view: UtteranceRelation) => {
    const key = `${at.id}\u0000${view.relation.kind}\u0000${view.direction}\u0000${view.other.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = out.get(at.id);
    if (list) list.push(view);
    else out.set(at.id, [view]);
  };
  for (const relation of story.relations) {
    if (relation.kind === 'continues') continue;
    const from = byPiece.get(relation.from);
    const to = byPiece.get(relation.to);
    if (!from || !to || from === to) continue;
    add(from, { relation, direction: 'outgoing', other: to });
    add(to, { relation, direction: 'incoming', other: from });
  }
  return out;
}

/** The central claim as utterances: see {@link centralUtterance}. */
export interface UtteranceDebate {
  /** The utterance most other utterances dispute or support. */
  readonly claim: Utterance;
  /** Utterances that stand with the claim. */
  readonly supports: readonly Utterance[];
  /** Utterances that stand against it. */
  readonly disputes: readonly Utterance[];
}

/**
 * `centralClaim` worked out between utterances: a relation to or from any piece bears on the
 * whole utterance, counted once, and each side lists an utterance once. `undefined` when no
 * utterance is disputed or supported.
 */
export function centralUtterance(
  story: Story,
  utterances: readonly Utterance[] = utterancesOf(story),
): UtteranceDebate | undefined {
  const byPiece = utterancesByPiece(utterances);
  const seen = new Set<string>();
  const relations: Relation[] = [];
  for (const r of story.relations) {
    if (r.kind === 'continues') continue;
    const from = byPiece.get(r.from)?.id;
    const to = byPiece.get(r.to)?.id;
    const key = `${r.kind}\u0000${from}\u0000${to}`;
    if (from === undefined || to === undefined || from === to || seen.has(key)) continue;
    seen.add(key);
    relations.push({ ...r, from, to });
  }
  const debate = centralClaim({ ...story, relations });
  if (!debate) return undefined;
  // Only first pieces take part in the rewritten relations, so every statement here heads one.
  const of = (s: Statement) => byPiece.get(s.id) as Utterance;
  return {
    claim: of(debate.claim),
    supports: debate.supports.map(of),
    disputes: debate.disputes.map(of),
  };
}

function utterancesByPiece(utterances: readonly Utterance[]): Map<string, Utterance> {
  const byPiece = new Map<string, Utterance>();
  for (const u of utterances) for (const p of u.pieces) byPiece.set(p.id, u);
  return byPiece;
}
