import schemaOrgContext from '../../generated/schemaorg-context.json';

/** What a JSON-LD document loader returns (the shape `jsonld.js` expects). */
export interface RemoteDocument {
  /** The context linked from the document's HTTP headers; always `null` here. */
  readonly contextUrl: null;
  /** The URL the document was loaded from. */
  readonly documentUrl: string;
  /** The parsed document. */
  readonly document: unknown;
}

/** The URLs the schema.org context is served at, with and without TLS and trailing slash. */
const SCHEMA_ORG_CONTEXT_URLS = new Set([
  'https://schema.org',
  'https://schema.org/',
  'http://schema.org',
  'http://schema.org/',
  'https://schema.org/docs/jsonldcontext.jsonld',
  'http://schema.org/docs/jsonldcontext.jsonld',
]);

/** Raised when a document asks for a remote context other than schema.org's. */
export class RemoteContextError extends Error {
  override readonly name = 'RemoteContextError';
  /** The URL that was asked for. */
  readonly url: string;
  constructor(url: string) {
    super(`remote context ${url} is not loaded: only the schema.org context is available offline`);
    this.url = url;
  }
}

/**
 * A JSON-LD document loader that never touches the network: it serves the vendored schema.org 30.0
 * context for schema.org's URLs and refuses every other URL with a {@link RemoteContextError}.
 */
export async function schemaOrgDocumentLoader(url: string): Promise<RemoteDocument> {
  if (SCHEMA_ORG_CONTEXT_URLS.has(url)) {
    return { contextUrl: null, documentUrl: url, document: schemaOrgContext };
  }
  throw new RemoteContextError(url);
}
