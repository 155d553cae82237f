import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_BYTES } from '@storykit/core';
import { describe, expect, it } from 'vitest';
import { BIN, runCaptured, SEED, temp } from './test-support.js';

// A module hook that appends the URL of every module the process loads to $MODULE_LOG.
const HOOK = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.MODULE_LOG, url + '\\n');
  return next(url, context);
}`;
const REGISTER = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`,
)}`;

/** Runs the built command and returns its exit code and the modules it loaded. */
function loadedBy(args: readonly string[]): { code: number | null; modules: string[] } {
  const dir = temp('storykit-imports-');
  const log = join(dir, 'modules.log');
  const result = spawnSync(process.execPath, ['--import', REGISTER, BIN, ...args], {
    cwd: dir,
    env: { ...process.env, MODULE_LOG: log },
    encoding: 'utf8',
  });
  return { code: result.status, modules: readFileSync(log, 'utf8').trim().split('\n') };
}

const MODEL = /\/(packages\/core|@storykit\/core|zod|yaml)\//;
const GENERATOR =
  /\/(packages\/(pdf|docx|feed|jsonld|extract)|@storykit\/(pdf|docx|feed|jsonld|extract)|pdfkit|fontkit|docx)\//;
const PDF = /\/(packages\/pdf|@storykit\/pdf|pdfkit|fontkit)\//;

describe('what each command loads', () => {
  it('--help and a usage error load neither the model nor a generator', () => {
    for (const args of [['--help'], ['build', '--help'], ['build', '--jobs', '0']]) {
      const { code, modules } = loadedBy(args);
      expect(code, args.join(' ')).toBe(args[1] === '--jobs' ? 2 : 0);
      expect(modules.some((m) => m.endsWith('/commander/esm.mjs'))).toBe(true);
      expect(modules.filter((m) => MODEL.test(m) || GENERATOR.test(m))).toEqual([]);
    }
  });

  it('validate loads no PDF or DOCX generator, and build --only docx no PDF one', () => {
    const validate = loadedBy(['validate', SEED]);
    expect(validate.code).toBe(0);
    expect(validate.modules.some((m) => MODEL.test(m))).toBe(true);
    expect(validate.modules.filter((m) => PDF.test(m) || /\/(packages\/)?docx\//.test(m))).toEqual(
      [],
    );
    const docx = loadedBy(['build', SEED, '--only', 'docx', '--out', 'out', '--quiet']);
    expect(docx.code).toBe(0);
    expect(docx.modules.some((m) => /\/(packages|@storykit)\/docx\//.test(m))).toBe(true);
    expect(docx.modules.filter((m) => PDF.test(m))).toEqual([]);
  });

  it('--help states the model’s own default for --max-bytes', async () => {
    const { code, stdout } = await runCaptured(['build', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`(default: ${DEFAULT_MAX_BYTES})`);
  });
});
