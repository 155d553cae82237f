import type { Story } from '@storykit/core';
import * as jsonld from '@storykit/jsonld';
import * as check from '@storykit/jsonld/check';
import { describe, expect, expectTypeOf, it } from 'vitest';

describe('public API', () => {
  it('exports exactly these names from @storykit/jsonld', () => {
    expect(Object.keys(jsonld).sort()).toEqual([
      'JsonLdOptionsError',
      'serializeJsonLd',
      'toJsonLd',
      'toJsonLdScript',
    ]);
  });

  it('exports exactly these names from @storykit/jsonld/check', () => {
    expect(Object.keys(check).sort()).toEqual([
      'RemoteContextError',
      'checkJsonLd',
      'formatJsonLdIssue',
      'schemaOrgDocumentLoader',
    ]);
  });

  it('types the entry points', () => {
    expectTypeOf(jsonld.toJsonLd).parameters.toEqualTypeOf<[Story, jsonld.JsonLdOptions?]>();
    expectTypeOf(jsonld.toJsonLd).returns.toEqualTypeOf<jsonld.JsonLdDocument>();
    expectTypeOf(jsonld.toJsonLdScript).returns.toEqualTypeOf<string>();
    expectTypeOf(check.checkJsonLd).returns.resolves.toEqualTypeOf<check.JsonLdCheckResult>();
    expectTypeOf<check.JsonLdIssue['severity']>().toEqualTypeOf<'error' | 'note'>();
  });
});
