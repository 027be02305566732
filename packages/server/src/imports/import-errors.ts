/** One problem in an input file: where (1-based line, column or field) and why. */
export interface RowProblem {
  /** 1-based line of the file (the header of a CSV is line 1). */
  line: number;
  /** Column (CSV) or field path (JSON) as the file names it; "" when the whole line is at fault. */
  column: string;
  reason: string;
}

/**
 * An import refused because of bad input. Carries every problem found, up to
 * the collector's limit; nothing of the file was saved (imports run in one
 * transaction).
 */
export class ImportRowError extends Error {
  readonly file: string;
  readonly problems: readonly RowProblem[];
  /** True when the file has more problems than were collected. */
  readonly truncated: boolean;

  constructor(file: string, problems: readonly RowProblem[], truncated: boolean) {
    const listed = problems.map((p) => `  line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.reason}`).join('\n');
    const count = `${problems.length}${truncated ? '+' : ''} problem${problems.length === 1 && !truncated ? '' : 's'} in bad rows`;
    super(`${file}: ${count}; nothing was imported\n${listed}${truncated ? '\n  ... (stopped after the first problems)' : ''}`);
    this.name = 'ImportRowError';
    this.file = file;
    this.problems = problems;
    this.truncated = truncated;
  }
}

/**
 * Collects problems while a file streams, up to `limit`, so that one run
 * reports many bad rows at once instead of one per attempt. The limit bounds
 * only how many problems are kept and listed: every problem counts, so a file
 * with any bad row is refused however small the limit.
 */
export class RowProblemCollector {
  readonly #problems: RowProblem[] = [];
  readonly #limit: number;
  #found = 0;

  /**
   * @param limit most problems kept (default 100); reaching it means "stop reading".
   * @throws RangeError when `limit` is not a whole number of 1 or more (0 or NaN would list nothing
   *   and so hide every problem).
   */
  constructor(limit = 100) {
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new RangeError(`the problem limit must be a whole number of 1 or more, not ${limit}`);
    this.#limit = limit;
  }

  /** Records a problem; returns false once the limit is reached. */
  add(problem: RowProblem): boolean {
    this.#found++;
    if (this.#problems.length < this.#limit) this.#problems.push(problem);
    return !this.full;
  }

  /** Whether the limit is reached (reading further would only find more of the same). */
  get full(): boolean {
    return this.#problems.length >= this.#limit;
  }

  /** Problems found so far, listed or not: any at all means the file is refused. */
  get count(): number {
    return this.#found;
  }

  /** Throws ImportRowError when any problem was found. */
  throwIfAny(file: string): void {
    if (this.#found > 0) throw new ImportRowError(file, this.#problems, this.#found > this.#problems.length || this.full);
  }
}
