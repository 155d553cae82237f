/**
 * Puts set lines on pages: a cursor that breaks pages between lines (never letting text run past
 * the bottom margin, where pdfkit would silently start a page of its own), one or two columns
 * that flow over pages side by side, tables whose rows continue on the next page under a repeated
 * header, and fixed-height figures. Every piece of content is marked for the structure tree
 * (PDF 1.7 §14.7, tagged PDF §14.8); rules and fills are marked as artifacts (§14.8.2.2).
 */
import type PDFDocument from 'pdfkit';
import type { FontBook } from './fonts.js';
import { type Inline, type LayoutOptions, type Line, layoutText } from './text-layout.js';

type Doc = InstanceType<typeof PDFDocument>;
type Elem = PDFKit.PDFStructureElement;

/** Page size and margins, in points. */
export interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
  /** Space kept free above the bottom margin for the footer. */
  readonly footer: number;
}

/** A paragraph (or heading) ready to flow: its lines and the structure element they belong to. */
export interface Block {
  readonly lines: readonly Line[];
  /** The element whose content the lines are. */
  readonly elem: Elem;
  /** The marked-content tag (the element's type: `P`, `H2`, `LBody` …). */
  readonly tag: string;
  /** Offset from the column's left edge, in points; default 0. */
  readonly indent?: number;
  /** Space above the block unless it starts a page, in points; default 0. */
  readonly spaceBefore?: number;
  /** Keep on the same page as the first lines of the next block (headings); default false. */
  readonly keepWithNext?: boolean;
  /** Draw a vertical rule of this colour left of the block (quotations). */
  readonly rule?: string;
}

/** A column of blocks. */
export interface Column {
  readonly x: number;
  readonly width: number;
  readonly blocks: readonly Block[];
}

/** A table column. */
export interface TableColumn {
  /** The header text. */
  readonly header: string;
  /** Share of the table width (the shares are normalised to add up to 1). */
  readonly share: number;
  /** Text alignment in the cell; default `'start'`. */
  readonly align?: 'start' | 'end';
}

/** A table: columns and rows of cells, each cell a list of paragraphs. */
export interface TableSpec {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly (readonly (readonly Inline[])[])[])[];
  /** The style of header cells. */
  readonly headerStyle: Inline['style'];
  /** Header fill and rule colour. */
  readonly rule: string;
  /** Fill of every other row. */
  readonly zebra: string;
}

interface CellLine {
  readonly line: Line;
  readonly gap: number;
}

/** A cursor over the pages of one document. */
export class PageWriter {
  readonly doc: Doc;
  readonly book: FontBook;
  readonly geo: Geometry;
  readonly base: 0 | 1;
  readonly #onMissing: ((char: string) => void) | undefined;
  /** The top of the free space on the current page. */
  y: number;

  constructor(
    doc: Doc,
    book: FontBook,
    geo: Geometry,
    base: 0 | 1,
    onMissing?: (char: string) => void,
  ) {
    this.doc = doc;
    this.book = book;
    this.geo = geo;
    this.base = base;
    this.#onMissing = onMissing;
    this.y = geo.top;
  }

  /** Left edge of the text area. */
  get left(): number {
    return this.geo.left;
  }

  /** Width of the text area. */
  get measure(): number {
    return this.geo.width - this.geo.left - this.geo.right;
  }

  /** The lowest y text may reach on a page. */
  get bottom(): number {
    return this.geo.height - this.geo.bottom - this.geo.footer;
  }

  /** Whether nothing has been drawn on the current page yet. */
  get atTop(): boolean {
    return this.y <= this.geo.top;
  }

  /** Sets a paragraph for this document (its direction, fonts and missing-glyph report). */
  layout(inlines: readonly Inline[], options: Omit<LayoutOptions, 'base' | 'onMissingGlyph'>) {
    return layoutText(this.book, inlines, {
      ...options,
      base: this.base,
      ...(this.#onMissing ? { onMissingGlyph: this.#onMissing } : {}),
    });
  }

  /** Starts a new page of the same size. */
  newPage(): void {
    this.doc.addPage({
      size: [this.geo.width, this.geo.height],
      margins: {
        top: this.geo.top,
        right: this.geo.right,
        bottom: this.geo.bottom,
        left: this.geo.left,
      },
    });
    this.y = this.geo.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (!this.atTop && this.y + height > this.bottom) this.newPage();
  }

  /** Draws something that is not content (rules, fills, footers) as an artifact. */
  artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void {
    this.doc.markContent('Artifact', type ? { type } : undefined);
    draw();
    this.doc.endMarkedContent();
  }

  /** Draws a set line with its top at `y`. */
  drawLine(line: Line, x: number, y: number): void {
    for (const piece of line.pieces) {
      this.book.use(piece.face, piece.size);
      this.doc.fillColor(piece.color);
      this.doc.text(piece.text, x + piece.x, y + line.baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
      });
    }
  }

  /** Draws lines as the content of a structure element, marked with `tag`. */
  #marked(elem: Elem, tag: string, draw: () => void): void {
    const content = this.doc.markStructureContent(tag);
    draw();
    this.doc.endMarkedContent();
    elem.add(content);
  }

  /**
   * Flows columns of blocks side by side from the cursor, over as many pages as they need, and
   * leaves the cursor under the longest.
   */
  flow(columns: readonly Column[]): void {
    const states = columns.map((column) => ({ column, block: 0, line: 0 }));
    for (;;) {
      const top = this.y;
      const ends = states.map((state) => this.#fill(state, top));
      if (states.every((s) => s.block >= s.column.blocks.length)) {
        this.y = Math.max(top, ...ends);
        return;
      }
      this.newPage();
    }
  }

  /** Draws as much of one column as fits between `top` and the bottom; returns where it ended. */
  #fill(state: { column: Column; block: number; line: number }, top: number): number {
    const { blocks, x } = state.column;
    let y = top;
    let fresh = true; // nothing of this column drawn on this page yet
    const pageTop = top <= this.geo.top;
    while (state.block < blocks.length) {
      const block = blocks[state.block] as Block;
      const lines = block.lines;
      if (state.line === 0) {
        const space = fresh && pageTop ? 0 : (block.spaceBefore ?? 0);
        const first = lines[0]?.height ?? 0;
        const second = lines[1]?.height ?? 0;
        let need = space + first + second;
        if (block.keepWithNext) {
          need = space + lines.reduce((h, l) => h + l.height, 0);
          const next = blocks[state.block + 1];
          if (next)
            need +=
              (next.spaceBefore ?? 0) + (next.lines[0]?.height ?? 0) + (next.lines[1]?.height ?? 0);
        }
        // Move a heading with its first lines, and a paragraph's first two lines, to the next page
        // rather than strand them at the bottom (unless this is already the top of a page).
        if (!(fresh && pageTop) && y + need > this.bottom) return y;
        y += space;
      }
      const startY = y;
      const from = state.line;
      let to = from;
      let height = 0;
      while (
        to < lines.length &&
        (y + height + (lines[to] as Line).height <= this.bottom ||
          (to === from && pageTop && fresh))
      ) {
        height += (lines[to] as Line).height;
        to++;
      }
      if (to > from) {
        this.#marked(block.elem, block.tag, () => {
          let lineY = startY;
          for (let i = from; i < to; i++) {
            const line = lines[i] as Line;
            this.drawLine(line, x + (block.indent ?? 0), lineY);
            lineY += line.height;
          }
        });
        if (block.rule) {
          const color = block.rule;
          this.artifact(() => {
            this.doc.rect(x + (block.indent ?? 0) - 6, startY + 1.5, 1.5, height - 3).fill(color);
          });
        }
        y += height;
        fresh = false;
      }
      state.line = to;
      if (to < lines.length) return y;
      state.block++;
      state.line = 0;
    }
    return y;
  }

  /**
   * Draws a fixed-height figure (a chart, a photo) as a `Figure` element with alternative text,
   * on this page if it fits, else on the next.
   */
  figure(parent: Elem, height: number, alt: string, draw: (top: number) => void): void {
    this.ensure(height);
    const top = this.y;
    const elem = this.doc.struct('Figure', {
      alt,
      bbox: [this.left, top, this.left + this.measure, top + height],
      placement: 'Block',
    } as PDFKit.Mixins.StructureElementOptions);
    parent.add(elem);
    this.#marked(elem, 'Figure', () => draw(top));
    this.y = top + height;
  }

  /** Draws a table from the cursor; rows that do not fit continue on the next page. */
  table(parent: Elem, spec: TableSpec): void {
    const padX = 4;
    const padY = 2.5;
    const total = spec.columns.reduce((sum, c) => sum + c.share, 0);
    const widths = spec.columns.map((c) => (c.share / total) * this.measure);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const setCell = (paragraphs: readonly (readonly Inline[])[], i: number): CellLine[] => {
      const out: CellLine[] = [];
      const align = spec.columns[i]?.align ?? 'start';
      for (const [p, inlines] of paragraphs.entries()) {
        const lines = this.layout(inlines, { width: (widths[i] ?? 0) - 2 * padX, align });
        lines.forEach((line, k) => {
          out.push({ line, gap: k === 0 && p > 0 ? 1.5 : 0 });
        });
      }
      return out;
    };
    const heightOf = (cell: readonly CellLine[]) =>
      cell.reduce((h, c) => h + c.gap + c.line.height, 0);

    const table = this.doc.struct('Table');
    parent.add(table);
    const header = spec.columns.map((c, i) =>
      setCell([[{ text: c.header, style: spec.headerStyle }]], i),
    );
    const headerHeight = Math.max(...header.map(heightOf)) + 2 * padY;

    const drawCells = (
      cells: readonly (readonly CellLine[])[],
      elems: readonly (Elem | undefined)[],
      tag: string,
      top: number,
    ) => {
      cells.forEach((cell, i) => {
        if (cell.length === 0) return;
        const draw = () => {
          let y = top + padY;
          for (const { line, gap } of cell) {
            y += gap;
            this.drawLine(line, (xs[i] ?? 0) + padX, y);
            y += line.height;
          }
        };
        const elem = elems[i];
        if (elem) this.#marked(elem, tag, draw);
        else draw();
      });
    };
    const drawHeader = (tagged: boolean) => {
      const top = this.y;
      this.artifact(() => {
        this.doc.rect(this.left, top, this.measure, headerHeight).fill(spec.zebra);
        this.doc
          .moveTo(this.left, top + headerHeight)
          .lineTo(this.left + this.measure, top + headerHeight)
          .lineWidth(0.8)
          .stroke(spec.rule);
      });
      if (tagged) {
        const row = this.doc.struct('TR');
        table.add(row);
        const cells = spec.columns.map(() =>
          this.doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions),
        );
        for (const cell of cells) row.add(cell);
        drawCells(header, cells, 'TH', top);
      } else {
        // A header repeated on a continuation page is pagination, not content (§14.8.2.2).
        this.artifact(() => drawCells(header, [], 'TH', top), 'Pagination');
      }
      this.y = top + headerHeight;
    };

    this.ensure(headerHeight + 24);
    drawHeader(true);
    spec.rows.forEach((row, r) => {
      let cells = row.map(setCell);
      const rowElem = this.doc.struct('TR');
      table.add(rowElem);
      const cellElems = row.map(() => this.doc.struct('TD'));
      for (const cell of cellElems) rowElem.add(cell);
      for (;;) {
        const height = Math.max(0, ...cells.map(heightOf)) + 2 * padY;
        const freshTop = this.geo.top + headerHeight;
        let part = cells;
        let rest: CellLine[][] | undefined;
        if (this.y + height > this.bottom) {
          if (this.y > freshTop && height <= this.bottom - freshTop) {
            this.newPage();
            drawHeader(false);
            continue;
          }
          // A row taller than a page: draw the lines that fit here, the rest continues.
          const room = this.bottom - this.y - 2 * padY;
          const split = cells.map((cell) => {
            let h = 0;
            let k = 0;
            while (k < cell.length) {
              const next = h + (cell[k] as CellLine).gap + (cell[k] as CellLine).line.height;
              if (next > room && !(k === 0 && this.y <= freshTop)) break;
              h = next;
              k++;
            }
            return k;
          });
          if (split.every((k) => k === 0)) {
            this.newPage();
            drawHeader(false);
            continue;
          }
          part = cells.map((cell, i) => cell.slice(0, split[i]));
          rest = cells.map((cell, i) =>
            cell.slice(split[i]).map((c, k) => (k === 0 ? { ...c, gap: 0 } : c)),
          );
        }
        const partHeight = Math.max(0, ...part.map(heightOf)) + 2 * padY;
        const top = this.y;
        this.artifact(() => {
          if (r % 2 === 1) this.doc.rect(this.left, top, this.measure, partHeight).fill(spec.zebra);
          this.doc
            .moveTo(this.left, top + partHeight)
            .lineTo(this.left + this.measure, top + partHeight)
            .lineWidth(0.3)
            .stroke('#d0d4d9');
        });
        drawCells(part, cellElems, 'TD', top);
        this.y = top + partHeight;
        if (!rest || rest.every((c) => c.length === 0)) break;
        cells = rest;
        this.newPage();
        drawHeader(false);
      }
    });
  }
}
