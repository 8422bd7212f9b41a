#!/usr/bin/env node
// The `pora` command (npx pora …, npm start): loads tsx's ESM loader, then runs cli/pora.ts in this process, so
// signals, standard input/output and the exit code are the command's own.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../cli/pora.ts', import.meta.url).href);
