// Saving a tracker keeps the file what it was: a symlink keeps pointing at its target (which gets the new
// content), a hard-linked file is rewritten in place so every name still shows it, permissions and owner
// are kept, and readers of an ordinary file never see half of it (a temporary file, then a rename).
import { promises as fs, readdirSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { realTarget } from "./fileLock";

/** A temporary file of a save older than this whose process is gone is left over from a killed save. */
const LEFTOVER_AGE_MS = 60_000;

function tempPrefix(target: string): string {
  return `.${basename(target)}.`;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporary files that a save killed half-way left beside `file`; returns their names. */
export function cleanLeftoverTemps(file: string): string[] {
  const target = realTarget(file);
  const dir = dirname(target);
  const prefix = tempPrefix(target);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const m = /^(\d+)\./.exec(name.slice(prefix.length));
    if (!m) continue;
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (alive(Number(m[1])) && Date.now() - st.mtimeMs < LEFTOVER_AGE_MS) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** Writes `buf` as the new content of `file` (see the header). Throws an Error naming the file. */
export async function writeKeepingFile(file: string, buf: Buffer): Promise<void> {
  const target = realTarget(file);
  let st: import("node:fs").Stats | null = null;
  try {
    st = await fs.stat(target);
  } catch {
    st = null;
  }
  cleanLeftoverTemps(target);
  if (st && st.nlink > 1) return writeInPlace(target, buf);
  const tmp = join(dirname(target), `${tempPrefix(target)}${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    const handle = await fs.open(tmp, "wx", st ? st.mode & 0o777 : 0o666);
    try {
      await handle.writeFile(buf);
      if (st) {
        // The umask narrowed the mode given to open; the original file's mode and owner win.
        await handle.chmod(st.mode & 0o7777);
        await handle.chown(st.uid, st.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new Error(`could not save ${file}: ${(e as Error).message}`);
  }
}

/**
 * A hard-linked file: a rename would leave the other names on the old content, so the bytes are
 * rewritten in place (not atomic for readers; the lock still keeps writers apart).
 */
async function writeInPlace(target: string, buf: Buffer): Promise<void> {
  try {
    const handle = await fs.open(target, "r+");
    try {
      await handle.write(buf, 0, buf.length, 0);
      await handle.truncate(buf.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw new Error(`could not save ${target}: ${(e as Error).message}`);
  }
}
