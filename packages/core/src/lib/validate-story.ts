import { isBoilerplate } from './boilerplate.js';
import { rememberValid } from './checked-stories.js';
import type { StoryIssue } from './errors.js';
import { numbersInText } from './numbers-in-text.js';
import { storySchema } from './schema.js';
import { storyPathProblem } from './story-path.js';
import { pairCutAt } from './text-boundary.js';
import type { Span, Story } from './types.js';
import { issuesFromZod } from './zod-issues.js';

/** Options for {@link validateStory}. */
export interface ValidateOptions {
  /** The file name to put on every issue; default: none. */
  readonly file?: string;
}

/**
 * Checks a resolved story against the schema and every invariant of the model, and returns all the
 * problems found (an empty array when the story is valid):
 *
 * 1. ids are unique within their kind and every reference resolves;
 * 2. a direct or partial quote's `text` equals the body text at its span;
 * 3. a figure's span contains the number as written;
 * 4. spans lie inside their block and do not cut a CR LF pair or a surrogate pair in two;
 * 5. no body block is boilerplate (paywall lines, offers, "read more");
 * 6. every date is a day of the calendar, every URL is `http:` or `https:` (`mailto:` too for
 *    `sameAs`), and every `media[].path` is relative and stays inside the story folder — what the
 *    generators would otherwise reject, or publish as a `javascript:` link.
 *
 * @example
 * const issues = validateStory(JSON.parse(json));
 * for (const issue of issues) console.error(formatIssue(issue));
 */
export function validateStory(input: unknown, options: ValidateOptions = {}): StoryIssue[] {
  const parsed = storySchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return issuesFromZod(parsed.error, options.file);
  const issues = checkInvariants(parsed.data as Story, options.file);
  // A deeply frozen story that passes need not be checked again by the generators.
  if (issues.length === 0) rememberValid(input, parsed.data);
  return issues;
}

/**
 * Runs the invariant checks on a story whose shape is already known to be right. Spans listed in
 * `unresolved` (anchors that did not resolve, already reported) are not checked again.
 */
export function checkInvariants(
  story: Story,
  file?: string,
  unresolved: ReadonlySet<Span> = new Set(),
): StoryIssue[] {
  const issues: StoryIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push(file === undefined ? { path, message } : { file, path, message });
  };

  const ids = (kind: string, items: readonly { readonly id: string }[]): Map<string, unknown> => {
    const seen = new Map<string, unknown>();
    items.forEach((item, index) => {
      if (seen.has(item.id))
        add(`${kind}[${index}].id`, `duplicate id "${item.id}"; ids must be unique among ${kind}`);
      seen.set(item.id, item);
    });
    return seen;
  };
  const blocks = ids('body', story.body);
  const sources = new Map(story.sources.map((s) => [s.id, s]));
  ids('sources', story.sources);
  const entities = ids('entities', story.entities);
  const statements = ids('statements', story.statements);
  ids('figures', story.figures);
  ids('media', story.media);
  ids('notes', story.notes);

  const ref = (
    path: string,
    id: string | null | undefined,
    table: Map<string, unknown>,
    what: string,
  ): void => {
    if (id === null || id === undefined || table.has(id)) return;
    add(path, `unknown ${what} id "${id}"; expected one of the story's ${what} ids`);
  };
  const organization = (path: string, id: string | undefined): void => {
    if (id === undefined) return;
    const target = sources.get(id);
    if (!target) ref(path, id, sources, 'source');
    else if (target.kind !== 'organization')
      add(path, `"${id}" is a ${target.kind}; expected an organization source`);
  };

  organization('publisher', story.publisher);
  story.authors.forEach((id, i) => {
    ref(`authors[${i}]`, id, sources, 'source');
  });
  story.media.forEach((m, i) => {
    ref(`media[${i}].creator`, m.creator, sources, 'source');
    const problem = m.path === undefined ? undefined : storyPathProblem(m.path);
    if (problem !== undefined) add(`media[${i}].path`, problem);
  });
  story.sources.forEach((s, i) => {
    if (s.affiliation === s.id) {
      add(`sources[${i}].affiliation`, `source "${s.id}" cannot be its own affiliation`);
    } else {
      organization(`sources[${i}].affiliation`, s.affiliation);
    }
  });

  const spanText = (path: string, span: Span): string | undefined => {
    if (unresolved.has(span)) return undefined;
    const block = blocks.get(span.block) as Story['body'][number] | undefined;
    if (!block) {
      ref(`${path}.block`, span.block, blocks, 'body block');
      return undefined;
    }
    if (span.start >= span.end || span.end > block.text.length) {
      add(
        path,
        `span ${span.start}–${span.end} lies outside block ${block.id} (0–${block.text.length}); expected start < end ≤ ${block.text.length}`,
      );
      return undefined;
    }
    for (const edge of [span.start, span.end]) {
      const cut = pairCutAt(block.text, edge);
      if (cut !== undefined) {
        add(
          path,
          `span ${span.start}–${span.end} of block ${block.id} cuts ${cut} in two at ${edge}; expected it to start and end outside the pair`,
        );
        return undefined;
      }
    }
    return block.text.slice(span.start, span.end);
  };

  story.statements.forEach((s, i) => {
    const path = `statements[${i}]`;
    ref(`${path}.speaker`, s.speaker, sources, 'source');
    ref(`${path}.attribution.recipient`, s.attribution.recipient, sources, 'source');
    const found = spanText(`${path}.span`, s.span);
    if (found !== undefined && s.kind !== 'indirect' && found !== s.text) {
      add(
        `${path}.text`,
        `quote ${JSON.stringify(s.text)} differs from the article at its span, which reads ${JSON.stringify(found)}; a ${s.kind} quote must be verbatim`,
      );
    }
  });

  story.figures.forEach((f, i) => {
    const path = `figures[${i}]`;
    ref(`${path}.place`, f.place, entities, 'entity');
    ref(`${path}.statement`, f.statement, statements, 'statement');
    ref(`${path}.source`, f.source, sources, 'source');
    if (typeof f.value === 'object' && f.value.low > f.value.high) {
      add(
        `${path}.value`,
        `range low ${f.value.low} is above high ${f.value.high}; expected low ≤ high`,
      );
    }
    const found = spanText(`${path}.span`, f.span);
    if (found === undefined) return;
    const written = numbersInText(found);
    const wanted = typeof f.value === 'number' ? [f.value] : [f.value.low, f.value.high];
    const missing = wanted.filter((n) => !written.includes(n));
    if (missing.length > 0) {
      add(
        `${path}.value`,
        `the span reads ${JSON.stringify(found)}, which does not write ${missing.join(' and ')}; expected the number as written in the article`,
      );
    }
  });

  story.relations.forEach((r, i) => {
    ref(`relations[${i}].from`, r.from, statements, 'statement');
    ref(`relations[${i}].to`, r.to, statements, 'statement');
    if (r.from === r.to) add(`relations[${i}]`, `statement "${r.from}" cannot ${r.kind} itself`);
    if (r.kind === 'continues') checkPiece(story, r, `relations[${i}]`, add);
  });

  story.body.forEach((b, i) => {
    if (isBoilerplate(b.text)) {
      add(
        `body[${i}]`,
        `block ${b.id} is boilerplate (${JSON.stringify(b.text.slice(0, 60))}); paywall and offer lines belong to no block`,
      );
    }
  });
  return issues;
}

/** A `continues` relation ties two pieces of one utterance: one speaker, the later piece after. */
function checkPiece(
  story: Story,
  r: Story['relations'][number],
  path: string,
  add: (path: string, message: string) => void,
): void {
  const from = story.statements.find((s) => s.id === r.from);
  const to = story.statements.find((s) => s.id === r.to);
  if (!from || !to) return;
  if (from.speaker !== to.speaker)
    add(path, `pieces of one utterance have one speaker; "${r.from}" and "${r.to}" have two`);
  const order = (id: string) => story.statements.findIndex((s) => s.id === id);
  if (order(r.from) < order(r.to))
    add(path, `"${r.from}" continues "${r.to}", so it must come after it in statements`);
}
