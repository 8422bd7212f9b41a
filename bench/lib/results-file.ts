// bench/RESULTS.md holds one section per benchmark ("## <title>"); a run replaces its own section and keeps the others.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../RESULTS.md');

/** Replaces the section that starts with `heading` (up to the next "## ") by `section`, or appends it. */
export function writeResultsSection(heading: string, section: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '# Benchmark results\n\n';
  }
  const start = text.indexOf(heading);
  if (start < 0) {
    text = `${text.trimEnd()}\n\n${section.trimEnd()}\n`;
  } else {
    const next = text.indexOf('\n## ', start + heading.length);
    text = `${text.slice(0, start)}${section.trimEnd()}\n${next < 0 ? '' : `\n${text.slice(next + 1)}`}`;
  }
  writeFileSync(file, text);
}
