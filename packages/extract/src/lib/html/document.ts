/**
 * The DOM the HTML path reads. Readability needs a `Document`; which implementation makes it is
 * chosen at run time or injected: the platform's `DOMParser` where there is one (browsers), else
 * `linkedom` (Node.js), loaded with `import()` only then, so a browser bundle never runs it.
 * jsdom, or any other DOM, can be passed in as a {@link DocumentParser}.
 *
 * Before anything reads the page, {@link prepareDocument} takes out what must never reach a text:
 * comments, scripts, styles, templates, `<noscript>`, and nodes the page hides (`hidden`,
 * `aria-hidden="true"`, inline `display: none` / `visibility: hidden`) — HTML §6.1 (the `hidden`
 * attribute) and WAI-ARIA 1.2 §6.6 (`aria-hidden`).
 */

/** Makes a `Document` from an HTML string (the page as a whole). */
export type DocumentParser = (html: string) => Document | Promise<Document>;

/** The platform's `DOMParser` (browsers, Deno, any runtime that has one). */
export const domParserDocument: DocumentParser = (html) =>
  new DOMParser().parseFromString(html, 'text/html');

/** linkedom's `parseHTML` (Node.js): a light DOM, several times faster than jsdom here. */
export const linkedomDocument: DocumentParser = async (html) => {
  const { parseHTML } = await import('linkedom');
  // linkedom builds a document only from a whole page: give a fragment the page around it.
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`;
  return parseHTML(page).document as unknown as Document;
};

/** The parser to use when none is given: `DOMParser` if the runtime has one, else linkedom. */
export function defaultDocumentParser(): DocumentParser {
  return typeof globalThis.DOMParser === 'function' ? domParserDocument : linkedomDocument;
}

/** Deeper than this, an element's content is kept as its text alone (see {@link prepareDocument}). */
export const MAX_DEPTH = 256;

/** What {@link prepareDocument} took out before the page was read. */
export interface PreparedDocument {
  /** The text of each `<script type="application/ld+json">`, in page order. */
  readonly jsonLd: readonly string[];
  /** Whether elements nested deeper than {@link MAX_DEPTH} were flattened. */
  readonly flattened: boolean;
}

const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
const DROPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'OBJECT', 'EMBED']);

function hidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/**
 * Takes out of the document what is not text to read (see the module comment), keeps the JSON-LD
 * blocks for the metadata, and flattens elements nested deeper than {@link MAX_DEPTH}: a page of
 * 10,000 nested `<div>`s keeps its words but not a depth that recursive tree code (hast, mdast)
 * cannot walk. The walk uses an explicit stack, never recursion.
 */
export function prepareDocument(document: Document): PreparedDocument {
  const jsonLd: string[] = [];
  for (const script of Array.from(document.querySelectorAll('script'))) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (type === 'application/ld+json') jsonLd.push(script.textContent ?? '');
  }
  let flattened = false;
  const root = document.documentElement;
  if (!root) return { jsonLd, flattened };
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  const remove: Node[] = [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Node; depth: number };
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 8 || child.nodeType === 7) {
        remove.push(child);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (DROPPED.has(element.tagName.toUpperCase()) || hidden(element)) {
        remove.push(element);
        continue;
      }
      if (depth + 1 >= MAX_DEPTH && element.firstElementChild) {
        // Keep the words, drop the depth: the subtree becomes one text node.
        flattened = true;
        const text = document.createTextNode(textOf(element));
        while (element.firstChild) element.removeChild(element.firstChild);
        element.appendChild(text);
        continue;
      }
      stack.push({ node: element, depth: depth + 1 });
    }
  }
  for (const node of remove) node.parentNode?.removeChild(node);
  return { jsonLd, flattened };
}

/** The text of a subtree, read with an explicit stack, leaving out what would be dropped. */
function textOf(element: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el !== element && (DROPPED.has(el.tagName.toUpperCase()) || hidden(el))) continue;
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
    parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
