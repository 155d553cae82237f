/**
 * Lays the brief out on pages: masthead, the central claim and its challengers in two columns,
 * key figures (table and bar chart), sources, a provenance note, and footers. Structure: one
 * `Document` element holding `H1`, `P`, `Sect`, `H2`/`H3`, `BlockQuote`, `Table`/`TR`/`TH`/`TD`
 * and `Figure` elements (PDF 1.7 §14.8.4 standard structure types).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Media, Source, Story } from '@storykit/core';
import { DRAFT_NOTICE, sourceById } from '@storykit/core';
import type PDFDocument from 'pdfkit';
import {
  type ChartView,
  channelOf,
  chartView,
  type DebateView,
  debateView,
  figureRows,
  formatDate,
  latestEventDate,
  type QuoteView,
  type SpeakerGroup,
  sourceRows,
} from './brief-model.js';
import { FontBook } from './fonts.js';
import { type ResolvedOptions, tint } from './options.js';
import { type Block, type Geometry, PageWriter } from './page-writer.js';
import type { Inline, TextStyle } from './text-layout.js';

type Doc = InstanceType<typeof PDFDocument>;
type Elem = PDFKit.PDFStructureElement;

const INK = '#1b1f24';
const MUTED = '#5b6470';
const HAIRLINE = '#c9ced6';
const SUPPORT = '#2e7d32';
const DISPUTE = '#b3261e';

/** Languages written right to left (their BCP 47 primary subtags). */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
]);

/** The paragraph direction of a BCP 47 language tag: 1 for right-to-left scripts. */
export function baseDirection(language: string): 0 | 1 {
  const [primary = ''] = language.toLowerCase().split('-');
  return RTL_LANGUAGES.has(primary) || /-(arab|hebr|syrc|thaa|nkoo)\b/i.test(language) ? 1 : 0;
}

const style = (s: TextStyle['style'], size: number, color = INK): TextStyle => ({
  style: s,
  size,
  color,
});

/** Draws the whole brief into a fresh document (its first page already added). */
export function renderBrief(doc: Doc, story: Story, options: ResolvedOptions): void {
  const book = new FontBook(doc, options.fonts);
  const geo: Geometry = {
    width: doc.page.width,
    height: doc.page.height,
    top: 46,
    right: 42,
    bottom: 30,
    left: 42,
    footer: 22,
  };
  const w = new PageWriter(doc, book, geo, baseDirection(story.language), options.onMissingGlyph);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const brief = new Brief(w, root, story, options);
  brief.masthead();
  for (const section of options.sections) {
    if (section === 'claim') brief.claimSection();
    else if (section === 'figures') brief.figuresSection();
    else if (section === 'sources') brief.sourcesSection();
    else brief.notesSection();
  }
  brief.provenance();
  brief.footers();
  book.keepShapedWords();
}

class Brief {
  readonly w: PageWriter;
  readonly doc: Doc;
  readonly root: Elem;
  readonly story: Story;
  readonly options: ResolvedOptions;
  readonly accent: string;

  constructor(w: PageWriter, root: Elem, story: Story, options: ResolvedOptions) {
    this.w = w;
    this.doc = w.doc;
    this.root = root;
    this.story = story;
    this.options = options;
    this.accent = options.accent;
  }

  /** A new structure element under `parent`. */
  elem(parent: Elem, type: string, options?: PDFKit.Mixins.StructureElementOptions): Elem {
    const e = this.doc.struct(type, options ?? {});
    parent.add(e);
    return e;
  }

  /** A block: the inlines set at `width`, as the content of a new `type` element. */
  block(
    parent: Elem,
    type: string,
    inlines: readonly Inline[],
    width: number,
    extra: Omit<Block, 'lines' | 'elem' | 'tag'> & {
      align?: 'start' | 'center' | 'end';
      leading?: number;
    } = {},
  ): Block {
    const { align, leading, ...rest } = extra;
    return {
      lines: this.w.layout(inlines, {
        width: width - (rest.indent ?? 0),
        ...(align ? { align } : {}),
        ...(leading ? { leading } : {}),
      }),
      elem: this.elem(parent, type),
      tag: type,
      ...rest,
    };
  }

  /** A section heading (`H2`) with a rule under it. */
  heading(parent: Elem, text: string): Block {
    return this.block(
      parent,
      'H2',
      [{ text: text.toUpperCase(), style: style('bold', 9, this.accent) }],
      this.w.measure,
      {
        spaceBefore: 12,
        keepWithNext: true,
      },
    );
  }

  /** Flows full-width blocks from the cursor. */
  flow(blocks: readonly Block[]): void {
    this.w.flow([{ x: this.w.left, width: this.w.measure, blocks }]);
  }

  /** A rule across the text area at the cursor. */
  rule(color: string, width = 0.6): void {
    const y = this.w.y;
    this.w.artifact(() => {
      this.doc
        .moveTo(this.w.left, y)
        .lineTo(this.w.left + this.w.measure, y)
        .lineWidth(width)
        .stroke(color);
    });
  }

  masthead(): void {
    const { story, w } = this;
    const publisher = sourceById(story, story.publisher)?.name;
    const latest = latestEventDate(story);
    const when = story.published
      ? formatDate(story.published)
      : `undated${latest ? ` (latest event ${formatDate(latest)})` : ''}`;
    const kicker = ['Story brief', publisher, when].filter(Boolean).join('  ·  ');

    this.w.artifact(() => {
      this.doc.rect(w.left, w.geo.top - 16, w.measure, 3).fill(this.accent);
    });

    const photo = story.media.find((m) => m.kind === 'image');
    const image = photo ? this.loadImage(photo) : undefined;
    const photoWidth = image ? Math.min(150, w.measure * 0.3) : 0;
    const textWidth = w.measure - (image ? photoWidth + 14 : 0);
    const top = w.y;

    const blocks: Block[] = [
      ...(story.draft ? [this.draftNotice(textWidth)] : []),
      this.block(
        this.root,
        'P',
        [{ text: kicker.toUpperCase(), style: style('bold', 7, this.accent) }],
        textWidth,
      ),
      this.block(this.root, 'H1', [{ text: story.headline, style: style('bold', 19) }], textWidth, {
        spaceBefore: 4,
        leading: 1.18,
      }),
    ];
    if (story.dek) {
      blocks.push(
        this.block(
          this.root,
          'P',
          [{ text: story.dek, style: style('regular', 10.5, '#333a42') }],
          textWidth,
          {
            spaceBefore: 4,
          },
        ),
      );
    }
    const meta: Inline[] = [];
    if (photo && !image) {
      const what = photo.alt ?? photo.caption;
      meta.push({ text: 'Photo (not reproduced): ', style: style('bold', 7.5, MUTED) });
      meta.push({
        text: `${what ? `${what.trim().replace(/\.$/, '')}. ` : ''}${photo.credit ? `Credit: ${photo.credit}.` : ''}`,
        style: style('regular', 7.5, MUTED),
      });
    }
    if (story.keywords.length) {
      meta.push({ text: `${meta.length ? '   ' : ''}Topics: `, style: style('bold', 7.5, MUTED) });
      meta.push({ text: story.keywords.join(', '), style: style('regular', 7.5, MUTED) });
    }
    if (meta.length) blocks.push(this.block(this.root, 'P', meta, textWidth, { spaceBefore: 6 }));
    this.w.flow([{ x: w.left, width: textWidth, blocks }]);

    if (image && photo) {
      const bottom = this.drawPhoto(photo, image, w.left + w.measure - photoWidth, top, photoWidth);
      this.w.y = Math.max(this.w.y, bottom);
    }
    this.w.y += 8;
    this.rule(HAIRLINE);
  }

  /** The masthead's first line on a draft: the reader learns before anything else that no editor has checked it. */
  draftNotice(width: number): Block {
    return this.block(
      this.root,
      'P',
      [
        { text: DRAFT_NOTICE.label.toUpperCase(), style: style('bold', 8, DISPUTE) },
        {
          text: ` — ${DRAFT_NOTICE.text}`,
          style: style('regular', 8, DISPUTE),
        },
      ],
      width,
    );
  }

  /** The photo's bytes when a media folder is given, the path stays in it and pdfkit reads the format. */
  loadImage(photo: Media): Buffer | undefined {
    if (!this.options.mediaDir || !photo.path) return undefined;
    const dir = resolve(this.options.mediaDir);
    const file = resolve(dir, photo.path);
    const inside = relative(dir, file);
    if (inside.startsWith('..') || resolve(dir, inside) !== file) {
      throw new Error(`media path "${photo.path}" leaves the media folder`);
    }
    const bytes = readFileSync(file);
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    const png = bytes
      .subarray(0, 8)
      .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    return jpeg || png ? bytes : undefined;
  }

  /** Draws the photo with its credit under it; returns the bottom. */
  drawPhoto(photo: Media, bytes: Buffer, x: number, top: number, width: number): number {
    const opened = (
      this.doc as unknown as { openImage(src: Buffer): { width: number; height: number } }
    ).openImage(bytes);
    const maxHeight = 120;
    const scale = Math.min(width / opened.width, maxHeight / opened.height);
    const iw = opened.width * scale;
    const ih = opened.height * scale;
    const figure = this.doc.struct('Figure', {
      alt: photo.alt ?? photo.caption ?? 'Photo',
      bbox: [x + width - iw, top, x + width, top + ih],
      placement: 'Block',
    } as PDFKit.Mixins.StructureElementOptions);
    this.root.add(figure);
    const content = this.doc.markStructureContent('Figure');
    this.doc.image(bytes, x + width - iw, top, { width: iw, height: ih });
    this.doc.endMarkedContent();
    figure.add(content);
    let y = top + ih + 3;
    if (photo.credit) {
      const caption = this.elem(figure, 'Caption');
      const lines = this.w.layout([{ text: photo.credit, style: style('regular', 6.5, MUTED) }], {
        width,
        align: 'end',
      });
      const c = this.doc.markStructureContent('Caption');
      for (const line of lines) {
        this.w.drawLine(line, x, y);
        y += line.height;
      }
      this.doc.endMarkedContent();
      caption.add(c);
    }
    return y;
  }

  /** Speaker name (bold; italic for an unnamed source) and role, muted. */
  speakerInlines(source: Source | undefined, size: number): Inline[] {
    if (!source) return [{ text: 'The article itself', style: style('bold', size) }];
    if (source.kind === 'anonymous') {
      return [
        { text: source.name, style: style('italic', size) },
        { text: '  (unnamed source)', style: style('regular', size - 1, MUTED) },
      ];
    }
    const org = sourceById(this.story, source.affiliation);
    const role = [
      source.role,
      org && !(source.role ?? '').includes(org.name) ? org.name : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    return [
      { text: source.name, style: style('bold', size) },
      ...(role
        ? [
            { text: ', ', style: style('regular', size - 1, MUTED) },
            { text: role, style: style('regular', size - 1, MUTED) },
          ]
        : []),
    ];
  }

  /** A statement as the brief prints it: quotation marks for quotes, "reported" for paraphrase. */
  quoteInlines(q: QuoteView, size: number): Inline[] {
    const mark: Inline = { text: `  ${q.paragraphs}`, style: style('bold', size - 1.5, MUTED) };
    if (q.statement.kind === 'indirect') {
      return [
        { text: 'Reported: ', style: style('regular', size - 1.5, MUTED) },
        { text: q.text, style: style('italic', size, '#2b3138') },
        mark,
      ];
    }
    return [
      { text: '“', style: style('regular', size) },
      { text: q.text, style: style('regular', size) },
      { text: '”', style: style('regular', size) },
      mark,
    ];
  }

  claimSection(): void {
    const sect = this.elem(this.root, 'Sect');
    const view = debateView(this.story, this.options.maxQuoteWords);
    const blocks = [this.heading(sect, 'The central claim and its challengers')];
    if (!view) {
      blocks.push(
        this.block(
          sect,
          'P',
          [
            {
              text: 'No statement in this story is supported or disputed by another.',
              style: style('italic', 8.5, MUTED),
            },
          ],
          this.w.measure,
          { spaceBefore: 4 },
        ),
      );
      this.flow(blocks);
      return;
    }
    this.flow(blocks);
    this.w.y += 6;
    this.claimBox(sect, view);
    this.w.y += 10;
    const gap = 18;
    const colWidth = (this.w.measure - gap) / 2;
    const side = (groups: readonly SpeakerGroup[], label: string, verb: string, color: string) => {
      const div = this.elem(sect, 'Div');
      const count = groups.reduce((n, g) => n + g.quotes.length, 0);
      const blocks: Block[] = [
        this.block(
          div,
          'H3',
          [
            { text: `${label}  `, style: style('bold', 9, color) },
            {
              text: `${count} statement${count === 1 ? '' : 's'} from ${groups.length} source${groups.length === 1 ? '' : 's'}`,
              style: style('regular', 7.5, MUTED),
            },
          ],
          colWidth,
          { keepWithNext: true },
        ),
      ];
      if (groups.length === 0) {
        blocks.push(
          this.block(
            div,
            'P',
            [
              {
                text: `No statement in the article ${verb} the claim.`,
                style: style('italic', 8, MUTED),
              },
            ],
            colWidth,
            { spaceBefore: 4 },
          ),
        );
      }
      for (const group of groups) {
        blocks.push(
          this.block(div, 'P', this.speakerInlines(group.speaker, 8.5), colWidth, {
            spaceBefore: 7,
            keepWithNext: true,
          }),
        );
        for (const q of group.quotes) {
          blocks.push(
            this.block(div, 'P', this.quoteInlines(q, 8.5), colWidth, {
              spaceBefore: 2.5,
              indent: 9,
              rule: tint(color, 0.55),
            }),
          );
        }
      }
      return blocks;
    };
    const supports = side(view.supports, 'SUPPORTS', 'supports', SUPPORT);
    const disputes = side(view.disputes, 'DISPUTES', 'disputes', DISPUTE);
    this.w.flow([
      { x: this.w.left, width: colWidth, blocks: supports },
      { x: this.w.left + colWidth + gap, width: colWidth, blocks: disputes },
    ]);
  }

  claimBox(sect: Elem, view: DebateView): void {
    const pad = 8;
    const bar = 3;
    const x = this.w.left + bar + 10;
    const width = this.w.measure - bar - 10 - pad;
    const div = this.elem(sect, 'Div');
    const claim = view.claim.utterance;
    const who = view.claimSpeaker?.name ?? 'The article';
    const label: Inline[] = [
      { text: 'CLAIM', style: style('bold', 7.5, this.accent) },
      ...(claim.topic
        ? [{ text: `  ·  ${claim.topic}`, style: style('regular', 7.5, this.accent) }]
        : []),
    ];
    const quote: Inline[] =
      claim.kind === 'indirect'
        ? [{ text: `${who} ${view.claim.text}`, style: style('bold', 13) }]
        : [{ text: `“${view.claim.text}”`, style: style('bold', 15) }];
    const channel = channelOf(this.story, [claim.attribution]);
    const attribution: Inline[] = [
      { text: '— ', style: style('regular', 8, MUTED) },
      ...this.speakerInlines(view.claimSpeaker, 8),
      ...(channel ? [{ text: ` · ${channel}`, style: style('regular', 7.5, MUTED) }] : []),
      { text: ` · ${view.claim.paragraphs}`, style: style('bold', 7.5, MUTED) },
    ];
    const count = (groups: readonly SpeakerGroup[]) => {
      const n = groups.reduce((k, g) => k + g.quotes.length, 0);
      return `${n} statement${n === 1 ? '' : 's'} from ${groups.length} source${groups.length === 1 ? '' : 's'}`;
    };
    const tally: Inline[] = [
      { text: 'Supported by ', style: style('regular', 7.5, MUTED) },
      { text: count(view.supports), style: style('bold', 7.5, SUPPORT) },
      { text: '; disputed by ', style: style('regular', 7.5, MUTED) },
      { text: count(view.disputes), style: style('bold', 7.5, DISPUTE) },
      { text: '.', style: style('regular', 7.5, MUTED) },
    ];
    const blocks = [
      this.block(div, 'P', label, width),
      this.block(div, 'BlockQuote', quote, width, { spaceBefore: 2 }),
      this.block(div, 'P', attribution, width, { spaceBefore: 2 }),
      this.block(div, 'P', tally, width, { spaceBefore: 3 }),
    ];
    const height =
      blocks.reduce(
        (h, b) => h + (b.spaceBefore ?? 0) + b.lines.reduce((s, l) => s + l.height, 0),
        0,
      ) +
      2 * pad;
    this.w.ensure(height);
    const top = this.w.y;
    const boxHeight = Math.min(height, this.w.bottom - top);
    this.w.artifact(() => {
      this.doc.rect(this.w.left, top, this.w.measure, boxHeight).fill(tint(this.accent, 0.92));
      this.doc.rect(this.w.left, top, bar, boxHeight).fill(this.accent);
    });
    this.w.y = top + pad;
    this.w.flow([{ x, width, blocks }]);
    this.w.y += pad;
  }

  figuresSection(): void {
    if (this.story.figures.length === 0) return;
    const sect = this.elem(this.root, 'Sect');
    const rows = figureRows(this.story);
    this.flow([this.heading(sect, 'Key figures')]);
    this.w.y += 4;
    const cell = (text: string, s: TextStyle) => [[{ text, style: s }]];
    this.w.table(sect, {
      columns: [
        { header: 'Figure', share: 1.5 },
        { header: 'What it counts', share: 3.2 },
        { header: 'Where · when', share: 1.35 },
        { header: 'Source', share: 0.95 },
        { header: '¶', share: 0.3, align: 'end' },
      ],
      rows: rows.map((r) => [
        cell(r.value, style('bold', 8)),
        cell(r.what, style('regular', 7.5)),
        cell(r.where, style('regular', 7.5, MUTED)),
        cell(r.source, style('regular', 7.5)),
        cell(String(r.paragraph), style('regular', 7.5, MUTED)),
      ]),
      headerStyle: style('bold', 7, MUTED),
      rule: this.accent,
      zebra: '#f3f5f7',
    });
    const chart = chartView(this.story, this.options.maxChartBars);
    if (chart) {
      this.w.y += 10;
      this.chart(sect, chart);
    }
  }

  chart(sect: Elem, chart: ChartView): void {
    const w = this.w;
    const barHeight = 10;
    const gap = 6;
    const labelStyle = style('regular', 7.5);
    const title = w.layout(
      [
        { text: chart.title, style: style('bold', 8.5) },
        { text: '  as the article reports them', style: style('regular', 7.5, MUTED) },
      ],
      { width: w.measure, maxLines: 1 },
    );
    const labelWidth = Math.min(w.measure * 0.34, 170);
    const valueWidth = 90;
    const lowerBound = chart.bars.some(
      (b) => b.figure.qualifier === 'at least' || b.figure.qualifier === 'more than',
    );
    const notes: string[] = [];
    if (lowerBound) notes.push('A dotted end marks a lower bound (“at least”, “more than”).');
    if (chart.bars.some((b) => typeof b.figure.value !== 'number'))
      notes.push('A pale segment marks a range.');
    if (chart.total > chart.bars.length)
      notes.push(`The first ${chart.bars.length} of ${chart.total} are shown.`);
    const note = notes.length
      ? w.layout([{ text: notes.join(' '), style: style('italic', 7, MUTED) }], {
          width: w.measure,
        })
      : [];
    const titleHeight = title.reduce((h, l) => h + l.height, 0) + 4;
    const height =
      titleHeight +
      chart.bars.length * (barHeight + gap) +
      note.reduce((h, l) => h + l.height, 0) +
      2;
    const high = (v: number | { readonly low: number; readonly high: number }) =>
      typeof v === 'number' ? v : v.high;
    const max = Math.max(...chart.bars.map((b) => high(b.figure.value)), 0);
    const x0 = w.left + labelWidth + 6;
    const span = w.measure - labelWidth - 6 - valueWidth;
    const scale = (v: number) => (max > 0 ? Math.max(0, (v / max) * span) : 0);
    const alt = `Bar chart, ${chart.title}: ${chart.bars.map((b) => `${b.label}, ${b.value}`).join('; ')}.`;
    w.figure(sect, height, alt, (top) => {
      let y = top;
      for (const line of title) {
        w.drawLine(line, w.left, y);
        y += line.height;
      }
      y += 4;
      const barsTop = y;
      for (const bar of chart.bars) {
        const label = w.layout([{ text: bar.label, style: labelStyle }], {
          width: labelWidth,
          maxLines: 1,
          align: 'end',
        })[0];
        if (label) w.drawLine(label, w.left, y + (barHeight - label.height) / 2);
        const v = bar.figure.value;
        const solid = scale(typeof v === 'number' ? v : v.low);
        const full = scale(high(v));
        this.doc.rect(x0, y, Math.max(solid, 0.75), barHeight).fill(this.accent);
        if (full > solid)
          this.doc.rect(x0 + solid, y, full - solid, barHeight).fill(tint(this.accent, 0.6));
        let end = x0 + Math.max(full, 0.75);
        const q = bar.figure.qualifier;
        if (q === 'at least' || q === 'more than') {
          this.doc
            .moveTo(end + 1, y + barHeight / 2)
            .lineTo(end + 13, y + barHeight / 2)
            .lineWidth(1.2)
            .dash(1.5, { space: 1.5 })
            .stroke(this.accent)
            .undash();
          end += 13;
        }
        const value = w.layout([{ text: bar.value, style: style('bold', 7.5) }], {
          width: valueWidth - 4,
          maxLines: 1,
        })[0];
        if (value) w.drawLine(value, end + 4, y + (barHeight - value.height) / 2);
        y += barHeight + gap;
      }
      this.doc
        .moveTo(x0, barsTop - 2)
        .lineTo(x0, y - gap + 2)
        .lineWidth(0.6)
        .stroke(MUTED);
      for (const line of note) {
        w.drawLine(line, w.left, y);
        y += line.height;
      }
    });
  }

  sourcesSection(): void {
    if (this.story.sources.length === 0) return;
    const sect = this.elem(this.root, 'Sect');
    this.flow([this.heading(sect, 'Sources')]);
    this.w.y += 4;
    const rows = sourceRows(this.story);
    this.w.table(sect, {
      columns: [
        { header: 'Source', share: 2.5 },
        { header: 'How the article reached them', share: 3.3 },
        { header: 'Statements', share: 0.9, align: 'end' },
      ],
      rows: rows.map((r) => {
        const name: (readonly Inline[])[] = [
          r.source.kind === 'anonymous'
            ? [{ text: r.source.name, style: style('italic', 8) }]
            : [{ text: r.source.name, style: style('bold', 8) }],
        ];
        if (r.role) name.push([{ text: r.role, style: style('regular', 7, MUTED) }]);
        if (r.source.kind === 'anonymous') {
          name.push([
            {
              text: 'Unnamed: the article gives only this description.',
              style: style('regular', 7, MUTED),
            },
          ]);
        }
        for (const n of r.notes) {
          const labelled = /^editor['’]s /i.test(n) ? n : `Editor’s note: ${n}`;
          name.push([{ text: labelled, style: style('italic', 6.5, MUTED) }]);
        }
        return [
          name,
          r.reached.map((text) => [{ text, style: style('regular', 7.5) }]),
          [[{ text: r.paragraphs || '—', style: style('regular', 7.5, MUTED) }]],
        ];
      }),
      headerStyle: style('bold', 7, MUTED),
      rule: this.accent,
      zebra: '#f3f5f7',
    });
  }

  notesSection(): void {
    if (this.story.notes.length === 0) return;
    const sect = this.elem(this.root, 'Sect');
    const blocks: Block[] = [this.heading(sect, 'Editor’s notes')];
    for (const note of this.story.notes) {
      blocks.push(
        this.block(
          sect,
          'P',
          [
            ...(note.about ? [{ text: `${note.about}: `, style: style('bold', 7.5, MUTED) }] : []),
            { text: note.text, style: style('regular', 7.5) },
          ],
          this.w.measure,
          { spaceBefore: 4 },
        ),
      );
    }
    this.flow(blocks);
  }

  provenance(): void {
    const { story } = this;
    const notes = story.notes.length;
    const text =
      `Made by storykit from the validated model of the article (story id “${story.id}”). ` +
      `¶ numbers count the article’s ${story.body.length} body paragraphs; every quotation was checked ` +
      `character for character against them, and quotations over ${this.options.maxQuoteWords} words are shortened with “…”. ` +
      (this.options.attachStory
        ? `The model${notes ? `, with its ${notes} editor’s note${notes === 1 ? '' : 's'},` : ''} is attached to this file as story.json.`
        : '');
    this.w.y += 12;
    this.flow([
      this.block(
        this.root,
        'P',
        [
          { text: 'Provenance. ', style: style('bold', 7, MUTED) },
          { text, style: style('italic', 7, MUTED) },
        ],
        this.w.measure,
      ),
    ]);
  }

  footers(): void {
    const { doc, w, story } = this;
    const range = doc.bufferedPageRange();
    const y = w.geo.height - w.geo.bottom - 12;
    const left = `${story.id}  ·  ¶ = paragraph of the article${this.options.attachStory ? '  ·  model attached as story.json' : ''}`;
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const pageLabel = w.layout(
        [
          {
            text: `Page ${i - range.start + 1} of ${range.count}`,
            style: style('regular', 7, MUTED),
          },
        ],
        { width: 80, align: 'end', maxLines: 1 },
      )[0];
      const leftLine = w.layout([{ text: left, style: style('regular', 7, MUTED) }], {
        width: w.measure - 90,
        maxLines: 1,
      })[0];
      w.artifact(() => {
        doc
          .moveTo(w.left, y - 4)
          .lineTo(w.left + w.measure, y - 4)
          .lineWidth(0.5)
          .stroke(HAIRLINE);
        if (leftLine) w.drawLine(leftLine, w.left, y);
        if (pageLabel) w.drawLine(pageLabel, w.left + w.measure - 80, y);
      }, 'Pagination');
    }
  }
}
