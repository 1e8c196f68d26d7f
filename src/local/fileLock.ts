// One writer at a time across processes: every okr-sheets command that writes a tracker, and each call
// of `serve`, holds a lock directory next to the file ("FILE.xlsx.lock", made by proper-lockfile) from
// reading the file to saving it, so no two of them read the same version and both save.
import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import lockfile from "proper-lockfile";

/** A lock whose owner died is taken over once it has not been refreshed for this long. */
const STALE_MS = 30_000;
/** How long a second writer waits for the first before refusing. */
const DEFAULT_WAIT_MS = 15_000;
const POLL_MS = 60;

export class LockBusy extends Error {}

/** The file a path really names (a symlink's target), so that every link to one tracker shares one lock. */
export function realTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    // Not there yet (`new`): the real folder, same name.
    try {
      return join(realpathSync(dirname(resolve(file))), basename(file));
    } catch {
      return resolve(file);
    }
  }
}

/** How long to wait for another writer, in ms. */
export function waitBudget(): number {
  // Tests shorten the wait to see the refusal without waiting the full time. Set but empty counts as not set
  // (Number("") is 0, which would refuse at once whenever another command held the file).
  const raw = process.env.OKR_SHEETS_LOCK_WAIT_MS;
  const env = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isFinite(env) && env >= 0 ? env : DEFAULT_WAIT_MS;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` holding the tracker's lock. `shown` is the name used in the refusal message. Throws LockBusy
 * when another process holds the lock longer than the wait budget; `fn` has then not run.
 */
export async function withFileLock<T>(file: string, shown: string, fn: () => Promise<T>): Promise<T> {
  const target = realTarget(file);
  // No folder, no file to protect: the command itself says what is wrong.
  if (!existsSync(dirname(target))) return fn();
  const deadline = Date.now() + waitBudget();
  let compromised: Error | null = null;
  let release: (() => Promise<void>) | null = null;
  for (;;) {
    try {
      release = await lockfile.lock(target, {
        realpath: false,
        lockfilePath: `${target}.lock`,
        stale: STALE_MS,
        retries: 0,
        // A long synchronous recalculation can delay the refresh; what matters is not saving over
        // someone else's work, which the save checks below.
        onCompromised: (e) => {
          compromised = e;
        },
      });
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ELOCKED") throw new Error(`${shown}: cannot lock the file (${(e as Error).message})`);
      if (Date.now() >= deadline) throw new LockBusy(`${shown} is being changed by another okr-sheets command; try again.`);
      await sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
    }
  }
  held.set(target, () => compromised);
  try {
    return await fn();
  } finally {
    held.delete(target);
    await release().catch(() => undefined);
  }
}

const held = new Map<string, () => Error | null>();

/** Refuses to save a file whose lock was lost (taken over as stale) while this process computed. */
export function assertLockKept(file: string): void {
  const lost = held.get(realTarget(file))?.();
  if (lost) throw new LockBusy(`${basename(file)}: another okr-sheets command took over the file while this one ran; nothing was saved: try again.`);
}
