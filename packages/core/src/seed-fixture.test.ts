/**
 * The curated seed story, read as an editor would review it: the facts a reader of the article can
 * check, asserted against what the loader makes of story.yaml.
 */
import { readFileSync } from 'node:fs';
import { centralClaim, formatFigureValue, spanText, statementsBy } from '@storykit/core';
import { loadStory } from '@storykit/core/node';
import { describe, expect, it } from 'vitest';

const SEED = new URL('../../../fixtures/kerry-on-the-run/', import.meta.url);
const story = loadStory(SEED.pathname);
const article = readFileSync(new URL('article.txt', SEED), 'utf8');

describe('the seed story (fixtures/kerry-on-the-run)', () => {
  it('keeps the article as received and takes headline and dek from it', () => {
    const lines = article.split('\n');
    expect(story.headline).toBe(lines[0]);
    expect(lines[2]?.trim()).toBe(story.dek);
  });

  it('leaves the paywall lines out of the body, and takes no figure from them', () => {
    expect(story.body).toHaveLength(17);
    expect(article).toContain('Unlimited digital access $11/month.');
    expect(story.body.some((b) => /\$11|Subscribe|unlimited/i.test(b.text))).toBe(false);
    expect(story.figures.some((f) => f.value === 11)).toBe(false);
  });

  it('attributes pronoun quotes to the right person', () => {
    const by = (id: string) => story.statements.find((s) => s.id === id);
    expect(by('stein-reconstitute')?.speaker).toBe('stein'); // “…,” he said. (¶17)
    expect(by('kerry-territory-decreased')?.speaker).toBe('kerry'); // He said the territory … (¶6)
    expect(by('obama-troops')?.speaker).toBe('obama'); // … announced … he will send (¶7)
  });

  it('records where and to whom the quotes were given', () => {
    const maher = statementsBy(story, 'maher');
    expect(maher.map((s) => s.attribution.recipient)).toEqual([
      'peterson',
      'peterson',
      'peterson',
      'peterson',
    ]);
    const official = story.statements.find((s) => s.speaker === 'intelligence-official');
    expect(official?.attribution).toMatchObject({ verb: 'told', recipient: 'cnn' });
    expect(story.sources.find((s) => s.id === 'intelligence-official')?.kind).toBe('anonymous');
  });

  it('makes Kerry’s “on the run” the central claim, with Tapper and the officials against it', () => {
    const debate = centralClaim(story);
    expect(debate?.claim.id).toBe('kerry-on-the-run');
    const speakers = (list: readonly { speaker: string | null }[]) => [
      ...new Set(list.map((s) => s.speaker)),
    ];
    expect(speakers(debate?.supports ?? [])).toEqual(['kerry']);
    expect(speakers(debate?.disputes ?? [])).toEqual([
      'tapper',
      'intelligence-officials',
      'intelligence-official',
      'stein',
    ]);
  });

  it('reads the death tolls with their qualifiers', () => {
    const killed = story.figures.filter((f) => f.measure === 'killed');
    expect(killed.map((f) => `${f.subject}: ${formatFigureValue(f)}`)).toEqual([
      'Nice attack: at least 84 people',
      'Istanbul airport attack: 41 people',
      'Baghdad truck bombing: 215 people',
    ]);
    expect(killed.map((f) => spanText(story, f.span))).toEqual([
      'killed at least 84',
      'killed 41',
      'killed 215',
    ]);
  });

  it('marks every inferred date with an editor’s note', () => {
    const about = story.notes.map((n) => n.about);
    expect(about).toEqual(
      expect.arrayContaining([
        'published',
        'publisher',
        'statements.kerry-on-the-run.attribution.date',
        'statements.iraqi-forces-liberated.attribution.date',
        'figures.troops.date',
        'figures.airfield-distance.date',
      ]),
    );
    expect(story.published).toBeUndefined();
    expect(story.url).toBeUndefined();
    expect(story.authors).toEqual([]);
  });
});
