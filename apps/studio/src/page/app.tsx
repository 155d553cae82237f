import {
  type Figure,
  formatIssue,
  type Source,
  type Span,
  type Statement,
  type StoryIssue,
  validateStory,
} from '@storykit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, buildOutput, listOutputs, type Opened, saveStory } from './api.js';
import {
  type BlockItems,
  ChunkView,
  chunkBody,
  chunkItems,
  type Grouping,
  regroup,
} from './article.js';
import { FigureEditor, SourceEditor, SourceSelect, StatementEditor } from './editors.js';
import {
  accept,
  addFigure,
  addSource,
  addStatement,
  type ItemRef,
  itemOfPath,
  type Model,
  mergeSources,
  remove,
  reviewQueue,
  sameQueue,
} from './edits.js';
import type { ValidateRequest } from './validate-worker.js';

/** The page for a story folder that does not load: its issues and its file, never a blank page. */
export function Unreadable({ opened }: { opened: Opened }) {
  return (
    <div class="unreadable">
      <header class="bar">
        <h1>storykit studio</h1>
      </header>
      <main>
        <h2>{opened.file || 'The story'} does not load</h2>
        <p>Fix these problems in the file, then reload the page.</p>
        <ul class="issues" aria-label="Problems">
          {opened.issues.map((issue, i) => (
            <li key={i}>
              <code>{issue.path || '(file)'}</code> {issue.message}
            </li>
          ))}
        </ul>
        {opened.text === undefined ? null : (
          <section aria-label="The file as it is">
            <h3>{opened.file}</h3>
            <pre class="raw">{opened.text}</pre>
          </section>
        )}
      </main>
    </div>
  );
}

interface History {
  readonly past: readonly Model[];
  readonly present: Model;
  readonly future: readonly Model[];
  /** What the last change was (an item's field): typing in one field is one step of undo. */
  readonly tag: string | undefined;
}

/** Where a selection in the article lies: the block and the character offsets in its text. */
function selectedSpan(): Span | undefined {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const startBlock = (range.startContainer.parentElement ?? null)?.closest('[data-block]');
  const endBlock = (range.endContainer.parentElement ?? null)?.closest('[data-block]');
  if (!startBlock || startBlock !== endBlock) return undefined;
  const text = startBlock.querySelector('.text');
  if (!text) return undefined;
  const offset = (node: Node, at: number) => {
    const before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(node, at);
    return before.toString().length;
  };
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  if (end <= start) return undefined;
  return { block: (startBlock as HTMLElement).dataset.block as string, start, end };
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');

/** The studio: the article as the page, the selected item's editor, the queue, sources, outputs. */
export function App({ opened, story }: { opened: Opened; story: Model }) {
  const [history, setHistory] = useState<History>({
    past: [],
    present: story,
    future: [],
    tag: undefined,
  });
  const [selected, setSelected] = useState<ItemRef | null>(null);
  // The server loaded the story through core's loader, which validates it: the page's own check
  // runs from the first edit on.
  const [issues, setIssues] = useState<readonly StoryIssue[]>(opened.issues);
  const [status, setStatus] = useState<{ text: string; error: boolean }>({
    text: '',
    error: false,
  });
  const [version, setVersion] = useState(opened.version);
  const [saved, setSaved] = useState<Model>(story);
  const [outputs, setOutputs] = useState<{ name: string; files: string[] }[]>([]);
  const [pdf, setPdf] = useState<string | null>(null);
  const present = history.present;

  const change = useCallback((next: (story: Model) => Model, tag?: string) => {
    setHistory((h) => {
      const value = next(h.present);
      if (value === h.present) return h;
      if (tag !== undefined && tag === h.tag) return { ...h, present: value, future: [] };
      return { past: [...h.past.slice(-499), h.present], present: value, future: [], tag };
    });
  }, []);
  const undo = useCallback(
    () =>
      setHistory((h) =>
        h.past.length === 0
          ? h
          : {
              past: h.past.slice(0, -1),
              present: h.past[h.past.length - 1] as Model,
              future: [h.present, ...h.future],
              tag: undefined,
            },
      ),
    [],
  );
  const redo = useCallback(
    () =>
      setHistory((h) =>
        h.future.length === 0
          ? h
          : {
              past: [...h.past, h.present],
              present: h.future[0] as Model,
              future: h.future.slice(1),
              tag: undefined,
            },
      ),
    [],
  );

  // Live validation with core's own checks, once typing pauses, in a worker.
  const validator = useRef<{ worker: Worker; asked: number; body: unknown } | null>(null);
  useEffect(() => {
    const worker = new Worker(new URL('./validate-worker.ts', import.meta.url), { type: 'module' });
    const state = { worker, asked: 0, body: undefined as unknown };
    worker.addEventListener(
      'message',
      (event: MessageEvent<{ id: number; issues: StoryIssue[] }>) => {
        if (event.data.id === state.asked) setIssues(event.data.issues);
      },
    );
    validator.current = state;
    return () => worker.terminate();
  }, []);
  useEffect(() => {
    if (present === story) {
      // Back at the story as loaded (undo): an answer still on its way is for an older state.
      if (validator.current) validator.current.asked++;
      setIssues(opened.issues);
      return;
    }
    const timer = setTimeout(() => {
      const state = validator.current;
      if (!state) return setIssues(validateStory(present));
      state.asked++;
      // The body is copied to the worker only when it changed: most of a long story's bytes.
      const { body, ...rest } = present;
      const request: ValidateRequest =
        body === state.body
          ? { id: state.asked, story: rest }
          : { id: state.asked, story: rest, body };
      state.body = body;
      state.worker.postMessage(request);
    }, 200);
    return () => clearTimeout(timer);
  }, [present, story, opened.issues]);

  useEffect(() => {
    // When the article is first drawn: the benchmark reads this mark.
    performance.mark('studio-drawn');
  }, []);

  useEffect(() => {
    listOutputs().then(setOutputs, () => setOutputs([]));
  }, []);

  const grouping = useRef<Grouping | undefined>(undefined);
  grouping.current = useMemo(
    () => regroup(grouping.current, present.statements, present.figures),
    [present.statements, present.figures],
  );
  const groups = grouping.current.groups;
  const chunks = useMemo(() => chunkBody(present.body), [present.body]);
  const chunkedItems = useRef<(readonly BlockItems[])[]>([]);
  chunkedItems.current = useMemo(
    () => chunkItems(chunks, groups, chunkedItems.current),
    [chunks, groups],
  );
  const sourceNames = useMemo(
    () => new Map(present.sources.map((s) => [s.id, s.name])),
    [present.sources],
  );
  const speakerName = useCallback(
    (id: string | null) => (id === null ? 'the article' : (sourceNames.get(id) ?? id)),
    [sourceNames],
  );
  // Typing in a field changes neither the items nor their confidences: the queue stays as it was.
  const queued = useRef<{ story: Model; queue: ItemRef[] } | null>(null);
  const queue = useMemo(() => {
    const before = queued.current;
    const queue = before && sameQueue(before.story, present) ? before.queue : reviewQueue(present);
    queued.current = { story: present, queue };
    return queue;
  }, [present]);

  const select = useCallback((ref: ItemRef | null) => {
    setSelected(ref);
    if (!ref || ref.list === 'sources') return;
    requestAnimationFrame(() => {
      const attr = ref.list === 'statements' ? 'data-statement' : 'data-figure';
      document
        .querySelector(`[${attr}="${CSS.escape(ref.id)}"]`)
        ?.scrollIntoView({ block: 'center' });
    });
  }, []);

  const next = useCallback(() => {
    const items = reviewQueue(history.present);
    const at = selected
      ? items.findIndex((r) => r.list === selected.list && r.id === selected.id)
      : -1;
    select(items[at + 1] ?? items[0] ?? null);
  }, [history.present, selected, select]);

  const acceptSelected = useCallback(() => {
    if (!selected) return;
    const items = reviewQueue(history.present).filter(
      (r) => !(r.list === selected.list && r.id === selected.id),
    );
    change((s) => accept(s, selected));
    select(items[0] ?? null);
  }, [selected, history.present, change, select]);

  const deleteSelected = useCallback(() => {
    if (!selected) return;
    change((s) => remove(s, selected));
    setSelected(null);
  }, [selected, change]);

  const fromSelection = useCallback(
    (what: 'statement' | 'figure') => {
      const span = selectedSpan();
      if (!span) {
        setStatus({ text: 'Select some text inside one paragraph first.', error: true });
        return;
      }
      let id = '';
      change((s) => {
        const [story, newId] = what === 'statement' ? addStatement(s, span) : addFigure(s, span);
        id = newId;
        return story;
      });
      getSelection()?.removeAllRanges();
      setSelected({ list: what === 'statement' ? 'statements' : 'figures', id });
      setStatus({ text: `New ${what} ${id}.`, error: false });
    },
    [change],
  );

  const save = useCallback(async () => {
    const story = history.present;
    const problems = validateStory(story);
    if (problems.length > 0) {
      setIssues(problems);
      setStatus({
        text: `Not saved: ${problems.length} problems to fix first (listed below).`,
        error: true,
      });
      return;
    }
    try {
      setVersion(await saveStory(story, version));
      setSaved(story);
      setStatus({ text: `Saved ${opened.file}.`, error: false });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error);
      setStatus({ text: `Not saved: ${message}`, error: true });
    }
  }, [history.present, version, opened.file]);

  const download = useCallback(
    async (name: string, file: string) => {
      setStatus({ text: `Building ${file}…`, error: false });
      try {
        const blob = await buildOutput(history.present, name, file);
        const url = URL.createObjectURL(blob);
        if (file.endsWith('.pdf')) setPdf(url);
        const link = document.createElement('a');
        link.href = url;
        link.download = file;
        document.body.append(link);
        link.click();
        link.remove();
        setStatus({ text: `Built ${file}.`, error: false });
      } catch (error) {
        setStatus({
          text: `Not built: ${error instanceof Error ? error.message : String(error)}`,
          error: true,
        });
      }
    },
    [history.present],
  );

  // The keys act on the page as last drawn: the handler is registered once and reads the current
  // actions from a ref, so that a key pressed right after another never sees a stale selection.
  const actions = useRef({ undo, redo, save, next, acceptSelected, deleteSelected, fromSelection });
  actions.current = { undo, redo, save, next, acceptSelected, deleteSelected, fromSelection };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { undo, redo, save, next, acceptSelected, deleteSelected, fromSelection } =
        actions.current;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
        return;
      }
      if (mod && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        redo();
        return;
      }
      if (mod && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
        return;
      }
      if (mod || event.altKey || isTyping(event.target)) return;
      const keys: Record<string, () => void> = {
        n: next,
        j: next,
        a: acceptSelected,
        Delete: deleteSelected,
        x: deleteSelected,
        s: () => fromSelection('statement'),
        f: () => fromSelection('figure'),
        e: () =>
          (document.querySelector('#editor input, #editor select') as HTMLElement | null)?.focus(),
      };
      const action = keys[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onArticleClick = useCallback(
    (event: MouseEvent) => {
      if (!getSelection()?.isCollapsed) return;
      const mark = (event.target as HTMLElement).closest('mark');
      if (!mark) return;
      const statement = mark.getAttribute('data-statement');
      const figure = mark.getAttribute('data-figure');
      if (figure) select({ list: 'figures', id: figure });
      else if (statement) select({ list: 'statements', id: statement });
    },
    [select],
  );

  const item = selected
    ? (present[selected.list] as readonly { id: string }[]).find((i) => i.id === selected.id)
    : undefined;
  // The block the selected statement or figure lies in: only that block is drawn as selected.
  const selectedBlock =
    item && selected?.list !== 'sources' ? (item as Statement | Figure).span.block : null;
  const dirty = present !== saved;

  return (
    <div class="studio">
      <header class="bar">
        <h1>storykit studio</h1>
        <span class="file">{opened.file}</span>
        <button
          type="button"
          onClick={undo}
          disabled={history.past.length === 0}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={redo}
          disabled={history.future.length === 0}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
        <button
          type="button"
          onClick={() => fromSelection('statement')}
          title="New statement from the selected text (s)"
        >
          New statement
        </button>
        <button
          type="button"
          onClick={() => fromSelection('figure')}
          title="New figure from the selected text (f)"
        >
          New figure
        </button>
        <button type="button" class="primary" onClick={() => void save()} title="Save (Ctrl+S)">
          Save{dirty ? ' *' : ''}
        </button>
        <output class={status.error ? 'status error' : 'status'} aria-live="polite">
          {status.text}
        </output>
      </header>
      <div class="columns">
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: from the keyboard every item is reached through the review queue (n) and the validation list; the click is the mouse's way to the same selection */}
        <main class="article" aria-label="The article" onClick={onArticleClick}>
          <h2 class="headline">{present.headline}</h2>
          {present.dek ? <p class="dek">{present.dek}</p> : null}
          {chunks.map((blocks, c) => {
            const here =
              selectedBlock !== null && blocks.some((b) => b.id === selectedBlock)
                ? selectedBlock
                : null;
            return (
              <ChunkView
                key={blocks[0]?.id ?? c}
                blocks={blocks}
                first={c * (chunks[0]?.length ?? 0)}
                items={chunkedItems.current[c] ?? []}
                selectedBlock={here}
                selected={here === null ? null : (selected?.id ?? null)}
                speakerName={speakerName}
              />
            );
          })}
        </main>
        <aside class="side" aria-label="Review">
          <section class="queue" aria-label="Review queue">
            <h2>
              Review queue <span class="counter">{queue.length} left</span>
            </h2>
            <p class="keys">
              <kbd>n</kbd> next · <kbd>a</kbd> accept · <kbd>x</kbd> delete · <kbd>e</kbd> edit ·{' '}
              <kbd>s</kbd>/<kbd>f</kbd> new from selection
            </p>
            <div class="row">
              <button type="button" onClick={next} disabled={queue.length === 0}>
                Next
              </button>
              <button type="button" onClick={acceptSelected} disabled={!item}>
                Accept
              </button>
              <button type="button" onClick={deleteSelected} disabled={!item}>
                Delete
              </button>
            </div>
          </section>
          <section id="editor" aria-label="Selected item">
            {item && selected?.list === 'statements' ? (
              <StatementEditor
                statement={item as Statement}
                story={present}
                change={change}
                select={select}
              />
            ) : item && selected?.list === 'figures' ? (
              <FigureEditor figure={item as Figure} story={present} change={change} />
            ) : item && selected?.list === 'sources' ? (
              <SourceEditor source={item as Source} story={present} change={change} />
            ) : (
              <p class="hint">
                Click a highlighted statement or figure, or press n for the next to review.
              </p>
            )}
          </section>
          <Sources story={present} change={change} select={select} />
          <section class="issues-panel" aria-label="Validation">
            <h2>
              Validation{' '}
              <span class="counter">
                {issues.length === 0 ? 'valid' : `${issues.length} issues`}
              </span>
            </h2>
            <ul class="issues">
              {issues.slice(0, 200).map((issue, i) => (
                <li key={i}>
                  <button
                    type="button"
                    class="link"
                    onClick={() => {
                      const ref = itemOfPath(present, issue.path);
                      if (ref) select(ref);
                    }}
                  >
                    {formatIssue(issue)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section class="outputs" aria-label="Outputs">
            <h2>Outputs</h2>
            <div class="row wrap">
              {outputs.flatMap((o) =>
                o.files.map((file) => (
                  <button type="button" key={file} onClick={() => void download(o.name, file)}>
                    {file}
                  </button>
                )),
              )}
            </div>
            {pdf ? <iframe class="pdf" title="The PDF brief" src={pdf} /> : null}
          </section>
        </aside>
      </div>
    </div>
  );
}

/** Sources: add, rename, merge two into one; a click opens one in the editor. */
function Sources({
  story,
  change,
  select,
}: {
  story: Model;
  change: (next: (story: Model) => Model, tag?: string) => void;
  select: (ref: ItemRef | null) => void;
}) {
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [into, setInto] = useState('');
  return (
    <section class="sources" aria-label="Sources">
      <h2>
        Sources <span class="counter">{story.sources.length}</span>
      </h2>
      <ul>
        {story.sources.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              class="link"
              onClick={() => select({ list: 'sources', id: s.id })}
            >
              {s.name}
            </button>{' '}
            <small>{s.role ?? s.kind}</small>
          </li>
        ))}
      </ul>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return;
          let id = '';
          change((s) => {
            const [next, newId] = addSource(s, name.trim());
            id = newId;
            return next;
          });
          setName('');
          select({ list: 'sources', id });
        }}
      >
        <label>
          New source <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit">Add</button>
      </form>
      <div class="row wrap">
        <SourceSelect
          id="merge-from"
          label="Merge"
          value={from}
          story={story}
          none="(choose)"
          onChange={(v) => setFrom(v ?? '')}
        />
        <SourceSelect
          id="merge-into"
          label="into"
          value={into}
          story={story}
          none="(choose)"
          onChange={(v) => setInto(v ?? '')}
        />
        <button
          type="button"
          disabled={!from || !into || from === into}
          onClick={() => {
            change((s) => mergeSources(s, from, into));
            setFrom('');
          }}
        >
          Merge
        </button>
      </div>
    </section>
  );
}
