import { validateStory } from '@storykit/core';
import { fromText } from '@storykit/extract';
import { describe, expect, it } from 'vitest';

/** The draft is valid: every span resolves and every quotation is verbatim at its span. */
async function valid(text: string) {
  const story = await fromText(text);
  expect(validateStory(story)).toEqual([]);
  for (const s of story.statements) {
    const block = story.body.find((b) => b.id === s.span.block);
    expect(block).toBeDefined();
    if (s.kind !== 'indirect') expect(block?.text.slice(s.span.start, s.span.end)).toBe(s.text);
  }
  return story;
}

describe('attribution on bad input', () => {
  it('survives quotation marks left open across paragraphs', async () => {
    await valid(
      'Headline\n\n“This runs on, said Ortiz.\n\n“And on,\n\nand never closes” he said “again',
    );
    await valid(
      'Headline\n\nAna Ortiz wrote: “It opens “here and “there\n\n"and "here\n\nnothing closes',
    );
  });

  it('survives 100,000 quotation marks', async () => {
    await valid(`Headline\n\n${'“a” said Bo Lee. '.repeat(50_000)}`);
    // Nested, straight and never closed: every mark opens a quotation inside the one before.
    await valid(`Headline\n\n${'“a "b '.repeat(50_000)}`);
  });

  it('survives a 1 MB paragraph without punctuation', async () => {
    await valid(`Headline\n\n${'word said Ana Ortiz that '.repeat(42_000)}`);
  });

  it('survives straight and curly quotes mixed', async () => {
    await valid('Headline\n\n"We will," said Ana Ortiz. “Soon" she said, \'\'maybe” ”later“ "');
    // Empty marks and marks around punctuation alone after words that keep one-word quotations.
    await valid('Headline\n\nAna Ortiz called it “” and said “ . ” then chanted “!” twice.');
  });

  it('survives right-to-left text', async () => {
    await valid('عنوان\n\n“قال الوزير إن الخطة ستنجح،” قال أحمد. “نعم.”\n\nשלום “עולם” אמר דוד.');
    // Right-to-left words inside an English article, where the quotation rules run.
    const story = await valid(
      'Council votes on the plan\n\n“The vote is “שלום עכשיו” for us,” said Dana Levi. ' +
        'Mayor Omar Haddad called it “خطة جيدة جدا” and left.\n\n\u202B“مرحبا بكم” he said\u202C.',
    );
    expect(story.statements.length).toBeGreaterThan(0);
  });

  it('survives text in capitals', async () => {
    const story = await valid(
      'HEADLINE HERE\n\n“WE WILL WIN THIS,” SAID MAYOR ANA ORTIZ. WASHINGTON SAID THE PLAN WOULD FAIL.',
    );
    expect(story.sources.map((s) => s.name)).not.toContain('WASHINGTON');
    await valid(
      'CROWD CHANTS AT RALLY\n\nTHE CROWD KEPT CHANTING “LOCK THEM UP!” AND “NO MORE!” “WE SAID “ENOUGH” TWICE,” SAID ANA ORTIZ.',
    );
  });
});
