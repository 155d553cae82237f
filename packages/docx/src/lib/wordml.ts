/**
 * The report's body as WordprocessingML text (ECMA-376 Part 1 §17), written directly rather than
 * through the `docx` library's object tree and serialiser, which cost most of `toDocx`'s time: a
 * component per element, each formatted to an intermediate object and then to text. The markup is
 * the library's own for the same content (element and attribute order included), so a reader sees
 * the same document; only the package frame around it (styles, numbering, settings, the footer,
 * the table of contents, the chart) still comes from the library.
 */
import { escapeXml } from './text.js';

/** How a run is formatted: a character style, bold, a text colour (hex RGB). */
export interface RunFormat {
  readonly style?: string;
  readonly bold?: boolean;
  readonly color?: string;
}

/**
 * A run of text (§17.3.2.25). Run properties in the schema's order (§17.3.2.28: `rStyle`, `b`,
 * `bCs`, …, `color`); bold is set for complex scripts too, as Word does.
 */
export function run(value: string, format?: RunFormat): string {
  let properties = '';
  if (format) {
    if (format.style) properties += `<w:rStyle w:val="${format.style}"/>`;
    if (format.bold) properties += '<w:b/><w:bCs/>';
    if (format.color) properties += `<w:color w:val="${format.color}"/>`;
  }
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(value)}</w:t></w:r>`;
}

/** How a paragraph is set: a paragraph style, or an item of the first bullet list. */
export interface ParagraphFormat {
  readonly style?: string;
  /** A first-level item of the document's bullet list (numbering instance 1, `ListParagraph`). */
  readonly bullet?: boolean;
}

/** A paragraph (§17.3.1.22) of the given runs and other inline content. */
export function paragraph(content: string, format?: ParagraphFormat): string {
  if (format?.bullet)
    return `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${content}</w:p>`;
  if (format?.style)
    return `<w:p><w:pPr><w:pStyle w:val="${format.style}"/></w:pPr>${content}</w:p>`;
  return `<w:p>${content}</w:p>`;
}

/** A paragraph holding only a page break (§17.3.3.1). */
export const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** A heading paragraph whose text is bookmarked (§17.13.6.2) under `name`, for the table of contents' link. */
export function bookmarkedHeading(style: string, name: string, id: number, title: string): string {
  return paragraph(
    `<w:bookmarkStart w:name="${name}" w:id="${id}"/>${run(title)}<w:bookmarkEnd w:id="${id}"/>`,
    { style },
  );
}

/** The reference mark of footnote `id` in the text (§17.11.14). */
export function footnoteReference(id: number): string {
  return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
}

/** Footnote `id` of one paragraph of text (§17.11.10), opening with its own reference mark. */
export function footnote(id: number, value: string): string {
  return `<w:footnote w:id="${id}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${run(value)}</w:p></w:footnote>`;
}

/** Single thin borders round the table and between its cells (§17.4.39), as the library draws them. */
const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`)
  .join('')}</w:tblBorders>`;

/**
 * A table of fixed layout (§17.4.38) `width` twentieths of a point wide, its columns `columns`
 * wide; the first row is a header row repeated on every page (§17.4.49), the others are not split
 * across pages (§17.4.6). Each cell is one paragraph in `style`, the header's text bold.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  width: number,
  columns: readonly number[],
  style: string,
): string {
  const cell = (value: string, i: number, bold: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${columns[i] ?? 0}"/></w:tcPr>${paragraph(
      run(value, bold ? { bold } : undefined),
      { style },
    )}</w:tc>`;
  let xml = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${columns
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join('')}</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>`;
  header.forEach((value, i) => {
    xml += cell(value, i, true);
  });
  xml += '</w:tr>';
  for (const row of rows) {
    xml += '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    row.forEach((value, i) => {
      xml += cell(value, i, false);
    });
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}
