// Saving a tracker keeps the file what it was: a symlink keeps pointing at its target (which gets the new
// content), a hard-linked file keeps sharing its content with its other names, permissions and owner are
// kept, and the tracker is never left half-written by a save that fails.
//
// An ordinary file is saved atomically: a temporary file beside it, then a rename, so readers never see
// half of it. A hard-linked file cannot be: a rename gives the name a new inode and leaves the other names
// on the old content, so its bytes must be rewritten in place. That is made as safe as it can be: the new
// content is first written in full to a temporary file beside it and synced (a full disk, a quota or a
// file-size limit fails there, the tracker untouched), kept under a name the leftover cleaner leaves alone
// (`.NAME.PID.TIME.RAND.new`), then copied over the tracker; only a failure or a kill during that copy can
// leave the tracker damaged, and then the `.new` file holds everything the save wrote (the error names it).
import { promises as fs, readdirSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { realTarget } from "./fileLock";

/** A temporary file of a save older than this whose process is gone is left over from a killed save. */
const LEFTOVER_AGE_MS = 60_000;

function tempPrefix(target: string): string {
  return `.${basename(target)}.`;
}

function tempName(target: string, ext: "tmp" | "new"): string {
  return join(dirname(target), `${tempPrefix(target)}${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.${ext}`);
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

/** Writes `buf` as the new content of `file` (see the header). Throws a one-line Error naming the file. */
export async function writeKeepingFile(file: string, buf: Buffer): Promise<void> {
  const target = realTarget(file);
  let st: import("node:fs").Stats | null = null;
  try {
    st = await fs.stat(target);
  } catch {
    st = null;
  }
  cleanLeftoverTemps(target);
  const tmp = tempName(target, "tmp");
  // A hard-linked tracker's new content goes beside it, complete, to be copied in place; any other
  // tracker's replaces it by rename.
  const dest = st && st.nlink > 1 ? tempName(target, "new") : target;
  try {
    await writeTemp(tmp, buf, st);
    await fs.rename(tmp, dest);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new Error(`could not save ${file}: ${(e as Error).message}`);
  }
  if (dest === target) return;
  await copyInPlace(file, target, dest, buf);
  await fs.rm(dest, { force: true }).catch(() => undefined);
}

/** The new content, complete and synced, in a new file with the tracker's mode and owner. */
async function writeTemp(tmp: string, buf: Buffer, st: import("node:fs").Stats | null): Promise<void> {
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
}

/**
 * A hard-linked file: its bytes are replaced in place (see the header), from the complete copy `copy`.
 * Nothing written yet (the file could not be opened): the copy goes and the error says the file is as it
 * was. Once writing started, a failure keeps the copy and names it.
 */
async function copyInPlace(file: string, target: string, copy: string, buf: Buffer): Promise<void> {
  let handle: import("node:fs/promises").FileHandle;
  try {
    handle = await fs.open(target, "r+");
  } catch (e) {
    await fs.rm(copy, { force: true }).catch(() => undefined);
    throw new Error(`could not save ${file}: ${(e as Error).message}`);
  }
  try {
    // writeFile writes every byte (one write call may write fewer); the length is then cut to the new one.
    await handle.truncate(0);
    await handle.writeFile(buf);
    await handle.sync();
  } catch (e) {
    throw new Error(`could not save ${file} (rewritten in place, as it has other hard links): ${(e as Error).message}; it may be damaged, and the complete new content is in ${copy}`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
