/**
 * A quotation the writer broke with its attribution (`“A,” she said, “B.”`) is one utterance in
 * the report: printed once with its pieces joined, counted once, and whatever points at one of its
 * pieces points at the whole.
 */
import { type Story, validateStory } from '@storykit/core';
import { toDocx } from '@storykit/docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanUp,
  libreOfficeText,
  mammothText,
  type PythonDocxView,
  part,
  pythonDocx,
} from '../test/readers.js';
import { splitQuotes } from '../test/stories.js';

afterAll(cleanUp);

const squash = (text: string) => text.replace(/\s+/g, ' ');
const count = (text: string, needle: string) => text.split(needle).length - 1;

const QUIST = '“The ferry will run all winter, even on the stormy days.”';
const REYES = '“Nobody has asked the crews, And they will not sail into a gale.”';

let story: Story;
let bytes: Uint8Array;
let view: PythonDocxView;

beforeAll(async () => {
  story = splitQuotes();
  expect(validateStory(story)).toEqual([]);
  bytes = await toDocx(story, { chart: false });
  view = pythonDocx(bytes);
});

/** The paragraphs python-docx reads between two Heading 1s. */
function section(title: string): PythonDocxView['paragraphs'] {
  const start = view.paragraphs.findIndex((p) => p.style === 'Heading 1' && p.text === title);
  const end = view.paragraphs.findIndex((p, i) => i > start && p.style === 'Heading 1');
  return view.paragraphs.slice(start + 1, end < 0 ? undefined : end);
}

describe('a quotation in pieces in the report', () => {
  it('prints each utterance once under Statements, its pieces joined in reading order', async () => {
    const only = squash(await mammothText(await toDocx(story, { sections: ['statements'] })));
    // A piece is never printed but inside its joined utterance (printed once as itself, and again
    // where another utterance's relation names it).
    for (const [whole, pieces] of [
      [QUIST, ['q1', 'q2']],
      [REYES, ['r1', 'r2']],
    ] as const) {
      expect(count(only, whole)).toBe(whole === QUIST ? 3 : 2);
      for (const id of pieces) {
        const piece = story.statements.find((s) => s.id === id);
        expect(count(only, piece?.text ?? '?')).toBe(count(only, whole));
      }
    }
    expect(only).not.toMatch(/continue/);
    expect(
      section('Statements')
        .filter((p) => p.style === 'Storykit Quotation')
        .map((p) => p.text),
    ).toEqual([QUIST, REYES]);
    expect(section('Statements').map((p) => p.text)).toEqual([
      'Mara Quist, harbour master',
      QUIST,
      'direct quotation in 2 pieces · told, to the town council · topic: winter service',
      // In the order the story lists the relations.
      'disputed by: Tom Reyes, “Nobody has asked the crews, And they will not sail into a gale.”',
      'supported by: Ines Vale, the timetable was sound',
      'Tom Reyes',
      REYES,
      // The verb comes with the first piece, the medium with the second.
      'direct quotation in 2 pieces · said (interview)',
      `disputes: Mara Quist, harbour master, ${QUIST}`,
      'Ines Vale',
      'the timetable was sound',
      'reported claim · said',
      `supports: Mara Quist, harbour master, ${QUIST}`,
    ]);
  });

  it('gives an utterance one footnote naming where every piece is', () => {
    const footnotes = part(bytes, 'word/footnotes.xml').replace(/<[^>]+>/g, '');
    const [q1, q2, r1, r2] = story.statements.map((s) => s.span);
    if (!q1 || !q2 || !r1 || !r2) throw new Error('the story has four pieces');
    const quist = `Article ¶1 (p1), characters ${q1.start}–${q1.end} and ${q2.start}–${q2.end}.`;
    const reyes = `Article ¶2 (p2), characters ${r1.start}–${r1.end}; ¶3 (p3), characters ${r2.start}–${r2.end}.`;
    // Summary: the claim and one on each side; Statements: each utterance once.
    expect(count(footnotes, quist)).toBe(2);
    expect(count(footnotes, reyes)).toBe(2);
    const references = part(bytes, 'word/document.xml').match(/<w:footnoteReference /g) ?? [];
    expect(references).toHaveLength(6);
  });

  it('weighs the debate between utterances: a challenger of a later piece disputes the claim', () => {
    expect(section('Summary').map((p) => p.text)).toEqual([
      `The central claim: Mara Quist: ${QUIST} (¶1)`,
      'Who supports it',
      'Ines Vale: the timetable was sound (¶4)',
      'Who disputes it',
      `Tom Reyes: ${REYES} (¶2, ¶3)`,
    ]);
  });

  it('counts utterances per source, and says once how each source reached the article', () => {
    const sources = view.tables.find((t) => t[0]?.[0] === 'Source');
    expect(sources?.map((row) => [row[0], row[4], row[5]])).toEqual([
      ['Source', 'How reached', 'Statements'],
      ['Mara Quist', 'to the town council', '1'],
      ['Tom Reyes', 'interview', '1'],
      ['Ines Vale', 'quoted, channel not given', '1'],
      ['the town council', 'statements were made to them', '0'],
    ]);
  });

  it('keeps the article verbatim, every piece marked where the article says it', () => {
    const article = section('The article').map((p) => p.text);
    expect(article.slice(1)).toEqual(story.body.map((b, i) => `¶${i + 1}  ${b.text}`));
    const marked = [
      ...part(bytes, 'word/document.xml').matchAll(
        /<w:rStyle w:val="StorykitStatementText"\/><\/w:rPr><w:t[^>]*>([^<]*)</g,
      ),
    ].map((m) => m[1]);
    expect(marked).toEqual(
      story.statements.filter((s) => s.kind !== 'indirect').map((s) => s.text),
    );
  });

  it('converts in LibreOffice, whose text holds each joined quotation', () => {
    const { text } = libreOfficeText(bytes);
    const flat = squash(text);
    expect(flat).toContain(squash(QUIST));
    expect(flat).toContain(squash(REYES));
    expect(flat).toContain('direct quotation in 2 pieces');
  });

  it('gives the same bytes every time', async () => {
    expect(Buffer.from(await toDocx(splitQuotes(), { chart: false }))).toEqual(Buffer.from(bytes));
  });
});
