import type { Figure, Media, Source, Statement } from '@storykit/core';

/** A body block of the draft: its id (`p1`, …), kind and plain text. */
export interface DraftBlock {
  readonly id: string;
  readonly kind: 'paragraph' | 'heading' | 'quote';
  readonly text: string;
  readonly depth?: number;
}

/** A quotation found in a block, before its speaker is known. */
export interface QuoteCandidate {
  /** The block it is in. */
  readonly block: string;
  /** Offset of the first character inside the quotation marks. */
  readonly start: number;
  /** Offset just past the last character inside the quotation marks. */
  readonly end: number;
  /** Offset of the opening mark, and just past the closing mark (or the block's end). */
  readonly outerStart: number;
  readonly outerEnd: number;
  /** The text between the marks. */
  readonly text: string;
  /** `direct` for a quoted sentence, `partial` for quoted words inside the writer's sentence. */
  readonly kind: 'direct' | 'partial';
  /** The quotation runs on into the next block (no closing mark before the block ends). */
  readonly continues: boolean;
  /** The quotation continues one from the block before (a block that opens with a mark). */
  readonly continuation: boolean;
}

/** An indirect (reported) claim found in a sentence, with the words that name its speaker. */
export interface ClaimCandidate {
  readonly block: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The reporting verb as written ("said", "according to"). */
  readonly verb: string;
  /** The words naming the speaker ("He", "Aaron Stein", "some intelligence officials"). */
  readonly speaker: string;
  /** Where the speaker's words start in the block, for resolving pronouns in reading order. */
  readonly speakerAt: number;
}

/** What the pipeline builds up: the parts of the draft story, filled in plugin by plugin. */
export interface Draft {
  headline?: string;
  dek?: string;
  readonly body: DraftBlock[];
  readonly media: Media[];
  /** Text the boilerplate step dropped (paywall, share and "read more" lines), for the record. */
  readonly boilerplate: string[];
  readonly quotes: QuoteCandidate[];
  readonly claims: ClaimCandidate[];
  readonly sources: Source[];
  readonly statements: Statement[];
  readonly figures: Figure[];
}

/** An empty draft. */
export function emptyDraft(): Draft {
  return {
    body: [],
    media: [],
    boilerplate: [],
    quotes: [],
    claims: [],
    sources: [],
    statements: [],
    figures: [],
  };
}
