import cliProgress from 'cli-progress';
import type { ImportProgress } from '@opennrm/server';

/** A progress bar for a streaming import, or nothing when stderr is not a terminal (logs, pipes, CI). */
export interface ImportProgressBar {
  update(progress: ImportProgress): void;
  stop(): void;
}

/**
 * Shows file progress (MB read, rows, phase) on stderr when it is a TTY, so
 * that stdout stays clean for results and scripts see no control characters.
 */
export function importProgressBar(): ImportProgressBar {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{phase} [{bar}] {percentage}% | {mb}/{total_mb} MB | {rows} rows | {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let phase = '';
  return {
    update(p) {
      const payload = {
        phase: p.phase,
        rows: p.rows.toLocaleString('en'),
        mb: (p.bytes / 1e6).toFixed(1),
        total_mb: (p.total_bytes / 1e6).toFixed(1),
      };
      if (!started || p.phase !== phase) {
        if (started) bar.stop();
        bar.start(p.total_bytes, p.bytes, payload);
        started = true;
        phase = p.phase;
      } else bar.update(p.bytes, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** "48,773 rows in 3.2 s (15,241 rows/s)". */
export function throughput(rows: number, elapsedMs: number): string {
  const seconds = elapsedMs / 1000;
  return `${rows.toLocaleString('en')} row${rows === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 1e-3)).toLocaleString('en')} rows/s)`;
}
