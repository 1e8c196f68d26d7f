// Offline there is no add-on menu: a message telling the user to run "Repair tracker" from the menu
// names the CLI command that does the same work.

export function repairHint(message: string, file: string): string {
  return message.replace(/Use "Repair tracker"( in the add-on menu)?/g, `Run "okr-sheets repair ${file}"`);
}

/** A refusal from the add-on, with its messages pointing at the CLI's repair. */
export function offlineHints<T>(result: T, file: string): T {
  if (!result || typeof result !== "object" || (result as { ok?: unknown }).ok !== false) return result;
  const r = result as { message?: unknown };
  return typeof r.message === "string" ? ({ ...result, message: repairHint(r.message, file) } as T) : result;
}
