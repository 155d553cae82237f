import { execFileSync } from 'node:child_process';
import { serializeJsonLd, toJsonLd, toJsonLdScript } from '@storykit/jsonld';
import { describe, expect, it } from 'vitest';
import { publishedStory } from '../test/stories.js';

const HOSTILE = 'he said </script><script>alert(1)</script> and <!-- then & \u2028 \u2029 >';

/**
 * Parses HTML with Python's html.parser (an HTML tokenizer independent of our code) and returns the
 * text content of every <script> element and the names of every start tag it saw.
 */
function parseHtml(html: string): { scripts: string[]; tags: string[] } {
  const program = `
import sys, json
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.tags, self.inside = [], [], False
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == 'script':
            self.inside = True
            self.scripts.append('')
    def handle_endtag(self, tag):
        if tag == 'script': self.inside = False
    def handle_data(self, data):
        if self.inside: self.scripts[-1] += data
    def handle_comment(self, data):
        self.tags.append('!--')
p = P()
p.feed(sys.stdin.read())
p.close()
print(json.dumps({'scripts': p.scripts, 'tags': p.tags}))
`;
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', program], { input: html, encoding: 'utf8' }),
  );
}

describe('toJsonLdScript', () => {
  const story = publishedStory((s) => {
    // The quotation must be verbatim, so the hostile text is in the article too.
    const [block] = s.body as { text: string }[];
    const start = (block as { text: string }).text.length + 1;
    (block as { text: string }).text += ` ${HOSTILE}`;
    const [statement] = s.statements as Record<string, unknown>[];
    Object.assign(statement as object, {
      text: HOSTILE,
      span: { block: 'p1', start, end: start + HOSTILE.length },
    });
    s.headline = `Headline ${HOSTILE}`;
  });

  it('wraps the graph in one application/ld+json script element', () => {
    const script = toJsonLdScript(story);
    expect(script.startsWith('<script type="application/ld+json">')).toBe(true);
    expect(script.endsWith('</script>')).toBe(true);
  });

  it('cannot be broken out of: an HTML parser sees one script whose JSON is the graph', () => {
    const html = `<!doctype html><html><head>${toJsonLdScript(story)}</head><body><p>x</p></body></html>`;
    const { scripts, tags } = parseHtml(html);
    expect(tags).toEqual(['html', 'head', 'script', 'body', 'p']);
    expect(scripts).toHaveLength(1);
    const parsed = JSON.parse(scripts[0] as string);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(toJsonLd(story))));
    expect(parsed['@graph'][0].headline).toBe(`Headline ${HOSTILE}`);
    expect(parsed['@graph'].find((n: { text?: string }) => n.text === HOSTILE)).toBeDefined();
  });

  it('escapes < > & U+2028 U+2029 as \\u escapes and nothing else', () => {
    const json = serializeJsonLd(toJsonLd(story));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    expect(json).toContain('\\u003c!--');
    expect(json).toContain('\\u0026 \\u2028 \\u2029 \\u003e');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(toJsonLd(story))));
  });

  it('indents when asked, for files people read', () => {
    expect(serializeJsonLd(toJsonLd(story), 2)).toContain('\n  "@graph": [\n');
  });
});
