import {
  attributionSchema,
  type Figure,
  figureSchema,
  type Relation,
  relationSchema,
  type Source,
  type Statement,
} from '@storykit/core';
import { useState } from 'preact/hooks';
import { addSource, type ItemRef, type Model, updateItem, withField } from './edits.js';

type Change = (next: (story: Model) => Model, tag?: string) => void;

// The choices come from core's schema: the page offers exactly what validation accepts.
const MEDIA = attributionSchema.shape.medium.def.innerType.options;
const QUALIFIERS = figureSchema.shape.qualifier.def.innerType.options;
const RELATIONS = relationSchema.shape.kind.options;

function Text({
  label,
  value,
  onInput,
  id,
}: {
  label: string;
  value: string | undefined;
  onInput: (value: string) => void;
  id?: string;
}) {
  return (
    <label>
      {label}
      <input id={id} value={value ?? ''} onInput={(e) => onInput(e.currentTarget.value)} />
    </label>
  );
}

/** A choice of one of the story's sources, or none. */
export function SourceSelect({
  label,
  value,
  story,
  none,
  onChange,
  id,
}: {
  label: string;
  value: string | null | undefined;
  story: Model;
  none: string;
  onChange: (value: string | null) => void;
  id?: string;
}) {
  return (
    <label>
      {label}
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{none}</option>
        {story.sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

const confidence = (item: { confidence?: number | undefined }) =>
  item.confidence === undefined ? 'reviewed' : `draft, confidence ${item.confidence.toFixed(2)}`;

/** The selected statement: kind, speaker (a source or a new one), attribution, topic, relations. */
export function StatementEditor({
  statement,
  story,
  change,
  select,
}: {
  statement: Statement;
  story: Model;
  change: Change;
  select: (ref: ItemRef) => void;
}) {
  const [newSpeaker, setNewSpeaker] = useState('');
  const [relKind, setRelKind] = useState<Relation['kind']>('disputes');
  const [relTo, setRelTo] = useState('');
  const id = statement.id;
  const set = (next: (s: Statement) => Statement, field?: string) =>
    change(
      (story) => updateItem(story, 'statements', id, (s) => next(s as Statement)),
      field && `${id}.${field}`,
    );
  const attribution = (key: keyof Statement['attribution'], value: string | undefined) =>
    set((s) => ({ ...s, attribution: withField(s.attribution, key, value) }), `attribution.${key}`);
  const relations = story.relations.filter((r) => r.from === id || r.to === id);
  return (
    <div class="editor">
      <h2>
        Statement <code>{id}</code> <small>{confidence(statement)}</small>
      </h2>
      <blockquote class="quoted">{statement.text}</blockquote>
      <label>
        Kind
        <select
          id="statement-kind"
          value={statement.kind}
          onChange={(e) => set((s) => ({ ...s, kind: e.currentTarget.value as Statement['kind'] }))}
        >
          <option value="direct">direct quotation</option>
          <option value="partial">partial quotation</option>
          <option value="indirect">indirect (paraphrase)</option>
        </select>
      </label>
      <SourceSelect
        id="statement-speaker"
        label="Speaker"
        value={statement.speaker}
        story={story}
        none="(the article’s own voice)"
        onChange={(speaker) => set((s) => ({ ...s, speaker }))}
      />
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          const name = newSpeaker.trim();
          if (!name) return;
          change((s) => {
            const [next, sourceId] = addSource(s, name);
            return updateItem(next, 'statements', id, (st) => ({
              ...(st as Statement),
              speaker: sourceId,
            }));
          });
          setNewSpeaker('');
        }}
      >
        <Text label="New speaker" value={newSpeaker} onInput={setNewSpeaker} />
        <button type="submit">Make speaker</button>
      </form>
      <Text
        id="statement-verb"
        label="Verb"
        value={statement.attribution.verb}
        onInput={(v) => attribution('verb', v)}
      />
      <Text
        label="Venue"
        value={statement.attribution.venue}
        onInput={(v) => attribution('venue', v)}
      />
      <label>
        Medium
        <select
          value={statement.attribution.medium ?? ''}
          onChange={(e) => attribution('medium', e.currentTarget.value)}
        >
          <option value="">(not said)</option>
          {MEDIA.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <SourceSelect
        label="Said to"
        value={statement.attribution.recipient}
        story={story}
        none="(no one named)"
        onChange={(v) => attribution('recipient', v ?? undefined)}
      />
      <Text
        label="Date (ISO 8601)"
        value={statement.attribution.date}
        onInput={(v) => attribution('date', v)}
      />
      <Text
        label="Topic"
        value={statement.topic}
        onInput={(v) => set((s) => withField(s, 'topic', v), 'topic')}
      />
      <h3>Relations</h3>
      <ul>
        {relations.map((r) => {
          const other = r.from === id ? r.to : r.from;
          return (
            <li key={`${r.from}-${r.kind}-${r.to}`}>
              {r.from === id ? `${r.kind} ` : `${r.kind} by `}
              <button
                type="button"
                class="link"
                onClick={() => select({ list: 'statements', id: other })}
              >
                {other}
              </button>{' '}
              <button
                type="button"
                aria-label={`Remove ${r.from} ${r.kind} ${r.to}`}
                onClick={() =>
                  change((s) => ({ ...s, relations: s.relations.filter((x) => x !== r) }))
                }
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          const to = relTo.trim();
          if (!to) return;
          change((s) => ({ ...s, relations: [...s.relations, { kind: relKind, from: id, to }] }));
          setRelTo('');
        }}
      >
        <label>
          This statement
          <select
            value={relKind}
            onChange={(e) => setRelKind(e.currentTarget.value as Relation['kind'])}
          >
            {RELATIONS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <Text label="statement id" value={relTo} onInput={setRelTo} />
        <button type="submit">Link</button>
      </form>
    </div>
  );
}

/** The selected figure: value or range, qualifier, unit, what it counts, what it is about. */
export function FigureEditor({
  figure,
  story,
  change,
}: {
  figure: Figure;
  story: Model;
  change: Change;
}) {
  const id = figure.id;
  const set = (next: (f: Figure) => Figure, field?: string) =>
    change(
      (story) => updateItem(story, 'figures', id, (f) => next(f as Figure)),
      field && `${id}.${field}`,
    );
  const range = typeof figure.value === 'object' ? figure.value : undefined;
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  return (
    <div class="editor">
      <h2>
        Figure <code>{id}</code> <small>{confidence(figure)}</small>
      </h2>
      {range ? (
        <div class="row">
          <Text
            label="From"
            value={String(range.low)}
            onInput={(v) =>
              set((f) => ({ ...f, value: { low: number(v), high: range.high } }), 'low')
            }
          />
          <Text
            label="to"
            value={String(range.high)}
            onInput={(v) =>
              set((f) => ({ ...f, value: { low: range.low, high: number(v) } }), 'high')
            }
          />
        </div>
      ) : (
        <Text
          id="figure-value"
          label="Value"
          value={String(figure.value)}
          onInput={(v) => set((f) => ({ ...f, value: number(v) }), 'value')}
        />
      )}
      <label>
        <input
          type="checkbox"
          checked={range !== undefined}
          onChange={(e) => {
            const low = range ? range.low : (figure.value as number);
            set((f) => ({ ...f, value: e.currentTarget.checked ? { low, high: low } : low }));
          }}
        />{' '}
        a range
      </label>
      <label>
        Qualifier
        <select
          value={figure.qualifier ?? ''}
          onChange={(e) => set((f) => withField(f, 'qualifier', e.currentTarget.value))}
        >
          <option value="">(exact)</option>
          {QUALIFIERS.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <Text
        id="figure-unit"
        label="Unit"
        value={figure.unit}
        onInput={(v) => set((f) => ({ ...f, unit: v }), 'unit')}
      />
      <Text
        label="What it counts"
        value={figure.measure}
        onInput={(v) => set((f) => ({ ...f, measure: v }), 'measure')}
      />
      <Text
        label="About"
        value={figure.subject}
        onInput={(v) => set((f) => ({ ...f, subject: v }), 'subject')}
      />
      <Text
        label="Date (ISO 8601)"
        value={figure.date}
        onInput={(v) => set((f) => withField(f, 'date', v), 'date')}
      />
      <SourceSelect
        label="Source"
        value={figure.source}
        story={story}
        none="(none named)"
        onChange={(v) => set((f) => withField(f, 'source', v ?? undefined))}
      />
    </div>
  );
}

/** The selected source: name, kind, role, affiliation. */
export function SourceEditor({
  source,
  story,
  change,
}: {
  source: Source;
  story: Model;
  change: Change;
}) {
  const id = source.id;
  const set = (next: (s: Source) => Source, field?: string) =>
    change(
      (story) => updateItem(story, 'sources', id, (s) => next(s as Source)),
      field && `${id}.${field}`,
    );
  return (
    <div class="editor">
      <h2>
        Source <code>{id}</code> <small>{confidence(source)}</small>
      </h2>
      <Text
        id="source-name"
        label={source.kind === 'anonymous' ? 'Description' : 'Name'}
        value={source.name}
        onInput={(v) => set((s) => ({ ...s, name: v }), 'name')}
      />
      <label>
        Kind
        <select
          value={source.kind}
          onChange={(e) => set((s) => ({ ...s, kind: e.currentTarget.value as Source['kind'] }))}
        >
          <option value="person">person</option>
          <option value="organization">organization</option>
          <option value="anonymous">anonymous</option>
        </select>
      </label>
      <Text
        label="Role"
        value={source.role}
        onInput={(v) => set((s) => withField(s, 'role', v), 'role')}
      />
      <SourceSelect
        label="Affiliation"
        value={source.affiliation}
        story={{ ...story, sources: story.sources.filter((s) => s.id !== id) }}
        none="(none)"
        onChange={(v) => set((s) => withField(s, 'affiliation', v ?? undefined))}
      />
    </div>
  );
}
