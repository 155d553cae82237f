/**
 * Independent readers of a DOCX file, for the tests: mammoth (npm), python-docx and xmllint
 * (Debian), and LibreOffice headless, whose PDF poppler's pdftotext reads back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';

const made: string[] = [];
/** A fresh temporary folder; {@link cleanUp} removes them all. */
export function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storykit-docx-'));
  made.push(dir);
  return dir;
}
/** Removes every folder {@link temp} made. */
export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** mammoth's HTML of the document, and its messages. */
export async function mammothHtml(
  bytes: Uint8Array,
): Promise<{ html: string; messages: string[] }> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { html: result.value, messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
}

/** mammoth's raw text of the document. */
export async function mammothText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

/** The package's parts, by name, as text (XML parts) or bytes. */
export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** A part as text. */
export function part(bytes: Uint8Array, name: string): string {
  const data = parts(bytes)[name];
  if (!data) throw new Error(`no part ${name}`);
  return strFromU8(data);
}

/** Runs xmllint --noout over every XML part; returns what it printed (empty when all are well-formed). */
export function xmllintAll(bytes: Uint8Array): { checked: string[]; output: string } {
  const dir = temp();
  const checked: string[] = [];
  for (const [name, data] of Object.entries(parts(bytes))) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const file = join(dir, name.replace(/[/[\]]/g, '_'));
    writeFileSync(file, data);
    checked.push(file);
  }
  try {
    execFileSync('xmllint', ['--noout', ...checked], { encoding: 'utf8', stdio: 'pipe' });
    return { checked, output: '' };
  } catch (error) {
    return { checked, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

/** What python-docx sees: core properties, and every paragraph with its style name. */
export interface PythonDocxView {
  readonly core: Record<string, string | null>;
  readonly paragraphs: { readonly style: string; readonly text: string }[];
  readonly tables: string[][][];
  readonly styles: string[];
}

/** Opens the document with python-docx (Debian `python3-docx`). */
export function pythonDocx(bytes: Uint8Array): PythonDocxView {
  const file = join(temp(), 'report.docx');
  writeFileSync(file, bytes);
  const program = `
import sys, json, docx
d = docx.Document(sys.argv[1])
c = d.core_properties
def s(v): return None if v is None else str(v)
print(json.dumps({
  'core': {k: s(getattr(c, k)) for k in ['title','subject','author','keywords','comments','language','created','modified','content_status']},
  'paragraphs': [{'style': p.style.name, 'text': p.text} for p in d.paragraphs],
  'tables': [[[cell.text for cell in row.cells] for row in t.rows] for t in d.tables],
  'styles': [st.style_id for st in d.styles],
}))
`;
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', program, file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
}

/**
 * Converts the document to PDF with LibreOffice headless and returns pdftotext's text of it (in
 * reading order, so a table cell's wrapped lines follow each other) and
 * the page count. Each call gets its own LibreOffice profile, so calls can run side by side.
 */
export function libreOfficeText(bytes: Uint8Array): { text: string; pages: number } {
  const dir = temp();
  const file = join(dir, 'report.docx');
  writeFileSync(file, bytes);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const pdf = join(dir, 'report.pdf');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return {
    text: execFileSync('pdftotext', [pdf, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
  };
}
