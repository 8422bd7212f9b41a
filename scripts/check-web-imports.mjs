#!/usr/bin/env node
// The web app's one-way imports (bulletproof-react): shared (components, lib) → features → app.
// A feature never imports another feature; shared code never imports a feature or the app.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve('web');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === 'dist' || name === 'node_modules') {
      continue;
    }
    if (statSync(p).isDirectory()) {
      walk(p);
    } else if (/\.(ts|tsx)$/.test(name)) {
      files.push(p);
    }
  }
};
walk(root);

const areaOf = (file) => {
  const [top, feature] = path.relative(root, file).split(path.sep);
  return top === 'features' ? `features/${feature}` : top;
};

const problems = [];
for (const file of files) {
  const from = areaOf(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
    const spec = m[1];
    if (!spec?.startsWith('.')) {
      continue;
    }
    const target = path.resolve(path.dirname(file), spec);
    if (!target.startsWith(root)) {
      continue;
    }
    const to = areaOf(target);
    const isFeature = (a) => a.startsWith('features/');
    const bad =
      (isFeature(from) && isFeature(to) && from !== to) ||
      (isFeature(from) && to === 'app') ||
      (['components', 'lib'].includes(from) && (isFeature(to) || to === 'app'));
    if (bad) {
      problems.push(`${path.relative(process.cwd(), file)}: ${from} must not import ${to} (${spec})`);
    }
  }
}
if (problems.length > 0) {
  console.error(`web imports: ${problems.length} forbidden import(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`web imports: ${files.length} files follow shared → features → app`);
