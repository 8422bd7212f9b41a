// One process at a time in an embedded data directory: PGlite has no server to share it, and two PGlite instances on
// one directory corrupt it. The lock file names the holder's pid; a lock left by a process that has died is taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'pora.lock';

type Holder = { pid: number; command: string; since: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
}

/** Takes the data directory for this process; returns the release function (also run at exit). */
export function lockDataDir(dataDir: string, command: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const holder: Holder = { pid: process.pid, command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o600 });
      const release = () => {
        try {
          const current = JSON.parse(readFileSync(file, 'utf8')) as Holder;
          if (current.pid === process.pid) {
            rmSync(file, { force: true });
          }
        } catch {
          // already gone
        }
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      let other: Holder | undefined;
      try {
        other = JSON.parse(readFileSync(file, 'utf8')) as Holder;
      } catch {
        other = undefined;
      }
      if (other && other.pid !== process.pid && isAlive(other.pid)) {
        throw new DataDirBusyError(
          `direktori data ${dataDir} sedang dipakai oleh "pora ${other.command}" (pid ${other.pid}); hentikan dulu proses itu`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirBusyError(`tidak dapat mengunci direktori data ${dataDir}`);
}
