/**
 * The one place where the options of {@link toJsonLd} and {@link toJsonLdScript} are checked, so
 * that every mistake reads the same way: the option, what it takes, what it got.
 */
import type { JsonLdOptions } from './to-json-ld.js';

/**
 * An option of `toJsonLd` or `toJsonLdScript` that is not one it takes: the message names the
 * option, what it takes and what it got. A `RangeError`, as the standard library throws for a
 * value out of range.
 */
export class JsonLdOptionsError extends RangeError {
  override readonly name = 'JsonLdOptionsError';
  /** The option at fault, as in `baseUrl` or `paywall.cssSelector`. */
  readonly option: string;

  constructor(option: string, expected: string, got: unknown) {
    super(
      `options.${option} must be ${expected}, got ${typeof got === 'string' ? JSON.stringify(got) : String(got)}`,
    );
    this.option = option;
  }
}

/** Checks the options and throws a {@link JsonLdOptionsError} for the first that does not fit. */
export function checkJsonLdOptions(options: JsonLdOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new JsonLdOptionsError('', 'an object', options);
  }
  const { baseUrl, paywall, notes } = options;
  // Node ids are IRIs (JSON-LD 1.1 §3.3): a base that is not absolute would give ids such as
  // "not a url#article", which a JSON-LD processor resolves against wherever the page happens to be.
  if (baseUrl !== undefined && !isAbsoluteIri(baseUrl)) {
    throw new JsonLdOptionsError(
      'baseUrl',
      'an absolute URL such as https://news.example/kerry',
      baseUrl,
    );
  }
  if (paywall !== undefined) {
    const selector = (paywall as { cssSelector?: unknown } | null)?.cssSelector;
    if (typeof selector !== 'string' || selector.trim() === '') {
      throw new JsonLdOptionsError(
        'paywall.cssSelector',
        'a CSS selector such as .paywall',
        selector,
      );
    }
  }
  if (notes !== undefined && typeof notes !== 'boolean') {
    throw new JsonLdOptionsError('notes', 'true or false', notes);
  }
}

function isAbsoluteIri(value: unknown): boolean {
  if (typeof value !== 'string' || /\s/.test(value)) return false;
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}
