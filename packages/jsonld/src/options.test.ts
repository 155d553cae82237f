import { JsonLdOptionsError, toJsonLd, toJsonLdScript } from '@storykit/jsonld';
import { describe, expect, it } from 'vitest';
import { publishedStory } from '../test/stories.js';

const noUrl = publishedStory((s) => {
  delete s.url;
});

describe('toJsonLd options', () => {
  it('refuses a base that is not an absolute URL instead of making "not a url#article" ids', () => {
    for (const generate of [toJsonLd, toJsonLdScript]) {
      expect(() => generate(noUrl, { baseUrl: 'not a url' })).toThrow(JsonLdOptionsError);
    }
    expect(() => toJsonLd(noUrl, { baseUrl: '/relative/path' })).toThrow(
      'options.baseUrl must be an absolute URL such as https://news.example/kerry, got "/relative/path"',
    );
  });

  it('takes absolute URLs and URNs as the base', () => {
    expect(toJsonLd(noUrl, { baseUrl: 'urn:example:plan' })['@graph'][0]?.['@id']).toBe(
      'urn:example:plan#article',
    );
  });

  it('names a paywall without a selector and a notes flag that is not a boolean', () => {
    expect(() => toJsonLd(noUrl, { paywall: { cssSelector: ' ' } })).toThrow(
      expect.objectContaining({ option: 'paywall.cssSelector' }),
    );
    expect(() => toJsonLd(noUrl, { notes: 'no' as never })).toThrow(
      expect.objectContaining({ option: 'notes' }),
    );
  });
});
