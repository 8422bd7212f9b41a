#!/usr/bin/env node
// Before `npm start`: build the web app when web/dist is missing or older than its sources, so that a fresh
// clone serves the app after `npm install && npm start`. A deployment that ships a built web/dist skips the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const built = path.join(root, 'web/dist/index.html');

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules') {
      continue;
    }
    const p = path.join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'web'), path.join(root, 'contracts')];
const newest = Math.max(...sources.map(newestSource), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
if (existsSync(built) && statSync(built).mtimeMs >= newest) {
  process.exit(0);
}
if (!existsSync(path.join(root, 'node_modules/vite'))) {
  console.error('web/dist is missing and Vite is not installed: run `npm install` (or ship a built web/dist).');
  process.exit(1);
}
console.log('Membangun aplikasi web (sekali, atau setelah ada perubahan)…');
const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
