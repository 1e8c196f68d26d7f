// A tracker open in LibreOffice or Excel: the program holds the file's content from when it opened it
// and writes all of it back when the person saves there, so a check-in made meanwhile by okr-sheets would
// be silently undone (LibreOffice at best asks whether to overwrite). Both leave a lock file beside the
// document while it is open; the commands that write refuse while one is there. The lock file is only
// ever a hint: a crashed program leaves it behind, hence the message says it may be deleted.
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { realTarget } from "./fileLock";

/** The program that has the file open and its lock file's name, or null. */
export function openElsewhere(file: string): { program: string; lockName: string } | null {
  for (const path of new Set([file, realTarget(file)])) {
    const name = basename(path);
    const candidates: [string, string][] = [
      ["LibreOffice", `.~lock.${name}#`],
      // Excel's owner file is the whole name after "~$" (Word's shortens long names; a workbook's does not,
      // and guessing the short form would blame another file's owner file: "~$team.xlsx" for "xxteam.xlsx").
      ["Excel", `~$${name}`],
    ];
    for (const [program, lockName] of candidates) {
      if (existsSync(join(dirname(path), lockName))) return { program, lockName };
    }
  }
  return null;
}

/** The refusal for a tracker open elsewhere (`shown`: the name the person typed), or null. */
export function openElsewhereMessage(file: string, shown: string): string | null {
  const open = openElsewhere(file);
  if (!open) return null;
  const { program, lockName } = open;
  return `${shown} is open in ${program} (${lockName} is beside it): close it there first, so that saving it there does not undo this command, or delete ${lockName} if ${program} is not running. Nothing was changed.`;
}
