/**
 * A bound on how deep the elements of an HTML page nest, applied to the markup before any parser
 * sees it. The HTML parser nests `<div><div>…` as deep as the markup says (the HTML standard sets
 * no limit), and the tree is then walked by recursion — from parse5's tree to hast, hast to mdast,
 * mdast to text — which a few thousand levels overflow (`Maximum call stack size exceeded`). One
 * pass over the markup drops the start tags that would open an element deeper than
 * {@link HTML_DEPTH_LIMIT}, with their end tags; the text inside them stays, in the deepest
 * element kept. Pages that people build nest a few dozen levels and pass unchanged.
 *
 * The pass reads tags as the HTML tokenizer does (WHATWG HTML §13.2.5): comments, doctypes and
 * processing instructions are skipped, quoted attribute values may hold `>`, and the text of
 * `<script>`, `<style>`, `<textarea>`, `<title>` and the like is not markup. It counts what the
 * tree builder nests: void elements (`<br>`, `<img>`, …) hold nothing, and the elements whose
 * end tag may be left out (`<p>`, `<li>`, `<td>`, `<option>`, …) are closed by the next of their
 * kind (§13.1.2.4), so they are not counted either.
 */

/** Nested elements kept (void elements and those with optional end tags not counted): 128. */
export const HTML_DEPTH_LIMIT = 128;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const OPTIONAL_END = new Set([
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'rb',
  'rt',
  'rtc',
  'rp',
  'optgroup',
  'option',
  'colgroup',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
]);
/** Elements whose content is text up to their own end tag (§13.2.5.2–§13.2.5.4). */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);

/**
 * Elements that a start tag of their own kind closes when it is the current node (§13.2.6.4.7:
 * `<a>` in `<a>`, a heading in a heading, `<button>` in `<button>`, `<nobr>` in `<nobr>`), so that
 * `<h2>` after an unclosed `<h2>` does not count as one level deeper.
 */
const SAME_KIND = new Map<string, string>([
  ['a', 'a'],
  ['button', 'button'],
  ['nobr', 'nobr'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, 'heading'] as [string, string]),
]);

const NAME = /[A-Za-z][^\s/>]*/y;

/** Where a tag that opens at `from` (just after its name) ends: past its `>`, quotes respected. */
function tagEnd(html: string, from: number): number {
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const char = html[i] as string;
    if (char === '>') return i + 1;
    if ((char === '"' || char === "'") && afterEquals) {
      const close = html.indexOf(char, i + 1);
      if (close < 0) return html.length;
      i = close;
      afterEquals = false;
    } else if (char === '=') afterEquals = true;
    else if (!/\s/.test(char)) afterEquals = false;
  }
  return html.length;
}

/**
 * The markup with every element deeper than {@link HTML_DEPTH_LIMIT} unwrapped (its start and
 * end tags dropped, its content kept); markup within the limit is returned as it is.
 */
export function boundHtmlDepth(html: string): string {
  const open: string[] = [];
  const openCount = new Map<string, number>();
  const dropped = new Map<string, number>();
  const out: string[] = [];
  let copied = 0;
  const drop = (start: number, end: number) => {
    out.push(html.slice(copied, start));
    copied = end;
  };
  let at = 0;
  for (;;) {
    const lt = html.indexOf('<', at);
    if (lt < 0 || lt + 1 >= html.length) break;
    const next = html[lt + 1] as string;
    if (next === '!') {
      const comment = html.startsWith('!--', lt + 1);
      const end = comment ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2);
      if (end < 0) break;
      at = end + (comment ? 3 : 1);
      continue;
    }
    if (next === '?') {
      const end = html.indexOf('>', lt + 2);
      if (end < 0) break;
      at = end + 1;
      continue;
    }
    const closing = next === '/';
    NAME.lastIndex = lt + (closing ? 2 : 1);
    const nameMatch = NAME.exec(html);
    if (!nameMatch) {
      at = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const end = tagEnd(html, NAME.lastIndex);
    at = end;
    if (closing) {
      const droppedCount = dropped.get(name) ?? 0;
      if (droppedCount > 0) {
        dropped.set(name, droppedCount - 1);
        drop(lt, end);
      } else if ((openCount.get(name) ?? 0) > 0) {
        // The end tag closes the innermost open element of its name and all inside it.
        for (let top = open.pop(); top !== undefined; top = open.pop()) {
          openCount.set(top, (openCount.get(top) ?? 1) - 1);
          if (top === name) break;
        }
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Its text is not markup: go on after its end tag.
      const endTag = new RegExp(`</${name}[\\s/>]`, 'gi');
      endTag.lastIndex = end;
      const found = endTag.exec(html);
      at = found ? found.index : html.length;
      continue;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name)) continue;
    const kind = SAME_KIND.get(name);
    const top = open.at(-1);
    if (kind && top !== undefined && SAME_KIND.get(top) === kind) {
      open.pop();
      openCount.set(top, (openCount.get(top) ?? 1) - 1);
    }
    if (open.length >= HTML_DEPTH_LIMIT) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      drop(lt, end);
      continue;
    }
    open.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  }
  if (out.length === 0) return html;
  out.push(html.slice(copied));
  return out.join('');
}
