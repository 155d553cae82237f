/**
 * Reads PDFs back with independent tools (poppler's pdftotext, pdfinfo, pdffonts, pdfdetach and
 * qpdf), the way a reader of the brief would meet it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch folder for PDF files; `remove()` deletes it. */
export function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'storykit-pdf-'));
  let count = 0;
  return {
    dir,
    /** Writes bytes to a new file in the folder and returns its path. */
    write(bytes: Uint8Array, name = `doc-${++count}.pdf`): string {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
    remove(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a tool and returns what it printed (throws with its stderr when it fails). */
export function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `pdfinfo` fields by name. */
export function pdfinfo(path: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', path]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) fields[m[1] as string] = m[2] as string;
  }
  return fields;
}

/** The text of the PDF with every run of whitespace as one space. */
export function pdftext(path: string): string {
  return run('pdftotext', ['-enc', 'UTF-8', path, '-']).replace(/\s+/g, ' ');
}

/** One word as pdftotext -bbox sees it, with its page's size. */
export interface Word {
  readonly text: string;
  readonly page: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
}

/** Every word with its box (in points from the top-left corner of its page). */
export function words(path: string): Word[] {
  const xml = run('pdftotext', ['-enc', 'UTF-8', '-bbox', path, '-']);
  const out: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  const decode = (s: string) =>
    s
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&');
  for (const m of xml.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
  )) {
    if (m[1]) {
      page++;
      pageWidth = Number(m[1]);
      pageHeight = Number(m[2]);
      continue;
    }
    out.push({
      text: decode(m[7] as string),
      page,
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
      pageWidth,
      pageHeight,
    });
  }
  return out;
}

/** The rows of `pdffonts`: name, type, whether embedded, subset, has ToUnicode. */
export function pdffonts(path: string) {
  const lines = run('pdffonts', [path]).trim().split('\n').slice(2);
  return lines.map((line) => {
    // The name column is as wide as its header; the yes/no columns and object id end the line.
    const m = /^(\S+)\s+.*?\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line);
    if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
    return {
      name: m[1] as string,
      embedded: m[2] === 'yes',
      subset: m[3] === 'yes',
      unicode: m[4] === 'yes',
    };
  });
}

/** The brief's text area: margins in points (left and right 42, top 46, bottom 30). */
export const MARGINS = { left: 42, right: 42, top: 46, bottom: 30 } as const;

/**
 * The words that reach outside the text area by more than `tolerance` points (glyph boxes of
 * fallback fonts are a little taller than the line), described for a failure message.
 */
export function wordsOutsideMargins(all: readonly Word[], tolerance = 1): string[] {
  return all
    .filter(
      (w) =>
        w.xMin < MARGINS.left - tolerance ||
        w.xMax > w.pageWidth - MARGINS.right + tolerance ||
        w.yMin < MARGINS.top - tolerance ||
        w.yMax > w.pageHeight - MARGINS.bottom + tolerance,
    )
    .map(
      (w) =>
        `"${w.text.slice(0, 20)}" on page ${w.page} at ${w.xMin},${w.yMin}–${w.xMax},${w.yMax}`,
    );
}
