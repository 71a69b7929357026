// Prints the gzipped size of what a resident's browser loads first and of the widget, and fails
// the build above the budgets: residents' initial JavaScript ≤ 150 KB, the widget ≤ 30 KB.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const KB = 1024;
const budgets = { initial: 150 * KB, widget: 30 * KB };
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

/**
 * What loads before the first paint: the entry chunk, everything it imports statically, and the texts of
 * the namespaces i18n loads before rendering (src/i18n/index.ts: initialNamespaces).
 */
const initialNamespaces = ['src/features/events/messages.ts'];

function initialFiles() {
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  const files = new Set();
  const visit = (chunk) => {
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const key of chunk.imports ?? []) visit(manifest[key]);
  };
  visit(entry);
  for (const source of initialNamespaces) {
    if (!manifest[source]) throw new Error(`${source} is not in the build: update initialNamespaces in scripts/budget.mjs`);
    visit(manifest[source]);
  }
  return [...files].filter((file) => file.endsWith('.js'));
}

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const show = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

let failed = false;
const initial = initialFiles();
const initialSize = initial.reduce((sum, file) => sum + gz(join(dist, file)), 0);
console.log(`Residents' initial JavaScript: ${show(initialSize)} gzipped (budget ${show(budgets.initial)}) in ${initial.length} file(s)`);
for (const file of initial) console.log(`  ${file}  ${show(gz(join(dist, file)))}`);
if (initialSize > budgets.initial) failed = true;

const widget = join(dist, 'widget/trygghet-events.js');
if (!existsSync(widget)) {
  console.log('Widget: dist/widget/trygghet-events.js was not built');
  failed = true;
} else {
  const widgetSize = gz(widget);
  console.log(`Widget: ${show(widgetSize)} gzipped (budget ${show(budgets.widget)})`);
  if (widgetSize > budgets.widget) failed = true;
}

if (failed) {
  console.error('Over budget: the build fails.');
  process.exit(1);
}
