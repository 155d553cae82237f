/**
 * What every output of a draft story (`story.draft: true`) tells its reader, in the same words
 * everywhere: a label to set in bold, then the sentence that follows it. One text, so the PDF
 * brief, the DOCX report, the feeds and the CLI's page never drift apart.
 */
export const DRAFT_NOTICE = {
  /** The words set first, in bold. */
  label: 'Unreviewed draft',
  /** What follows the label, after a dash. */
  text: 'not yet checked by an editor: verify every statement, speaker and figure against the article before use.',
} as const;
