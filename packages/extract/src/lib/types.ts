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
  /** The apposition after the speaker's name ("chief economist at the Fennick Institute"). */
  readonly apposition?: string;
  /** `reported` when the stance-verb rules of `reported.ts` found it, for its calibration. */
  readonly rule?: 'reported';
}
