/** Where a {@link Progress} line is drawn: standard error, and whether it is a terminal. */
export interface ProgressIo {
  /** Receives the text. */
  readonly stderr: (text: string) => void;
  /** Whether to draw the line at all: on a terminal, and not `--quiet`. */
  readonly enabled: boolean;
}

/** Erases the line the cursor is on and returns to its start (ECMA-48 EL, "erase in line"). */
const ERASE = '\r\u001b[K';

/** The least time between two drawings of the line, in milliseconds. */
const REDRAW_MS = 100;

/** A duration for a person: `45s`, `3m 05s`, `1h 02m`. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/**
 * The progress line of a folder of stories on a terminal: stories done of all, stories a second,
 * and the time left at that rate, redrawn in place on standard error. Other lines go through
 * {@link Progress.print}, which erases the progress line first and draws it again below them.
 * Nothing of it is written when it is not enabled (not a terminal, or `--quiet`).
 */
export class Progress {
  #done = 0;
  #drawn = false;
  #lastDraw = 0;
  readonly #start = performance.now();

  constructor(
    readonly total: number,
    readonly io: ProgressIo,
  ) {}

  /** The line as it reads now. */
  text(): string {
    const seconds = (performance.now() - this.#start) / 1000;
    const rate = seconds > 0 ? this.#done / seconds : 0;
    const left =
      this.#done === 0 || rate === 0 ? '' : `, ${duration((this.total - this.#done) / rate)} left`;
    return `built ${this.#done}/${this.total} stories, ${rate.toFixed(1)} stories/s${left}`;
  }

  /** One more story is done (built or failed). */
  tick(): void {
    this.#done++;
    const now = performance.now();
    if (this.#done === this.total || now - this.#lastDraw >= REDRAW_MS) this.#draw(now);
  }

  /** Writes `text` (whole lines) above the progress line. */
  print(text: string): void {
    if (this.#drawn) this.io.stderr(ERASE);
    this.io.stderr(text);
    if (this.#drawn) this.#draw(performance.now());
  }

  /** Erases the line for good. */
  end(): void {
    if (this.#drawn) this.io.stderr(ERASE);
    this.#drawn = false;
  }

  #draw(now: number): void {
    if (!this.io.enabled) return;
    this.#lastDraw = now;
    this.#drawn = true;
    this.io.stderr(`${ERASE}${this.text()}`);
  }
}
