import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup of the browser project: builds the web app once
 * (packages/web/dist), so the tests run the same bundle, service worker and
 * precache that `opennrm serve` ships.
 */
export default function buildWebApp(): void {
  const web = fileURLToPath(new URL('../..', import.meta.url));
  const vite = fileURLToPath(new URL('../../../../node_modules/vite/bin/vite.js', import.meta.url));
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
}
