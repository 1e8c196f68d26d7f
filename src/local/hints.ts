// Offline there is no add-on menu: a message telling the user to run "Repair tracker" from the menu
// names the CLI command that does the same work. The file is put in by a function, never as replacement
// text, which would read "$&", "$'" and "$$" in a path ("~/okr/$&co.xlsx") as patterns.

export function repairHint(message: string, file: string): string {
  // A missing tab says 'Use "Set up tracker" or "Repair tracker" in the add-on menu': repair re-creates it.
  return message.replace(/Use (?:"Set up tracker" or )?"Repair tracker"( in the add-on menu)?/g, () => `Run "okr-sheets repair ${file}"`);
}

/** In a terminal, every menu item a message names becomes the command that does the same work. */
export function commandHint(message: string, file: string): string {
  return repairHint(message, file)
    .replace(/\("End cycle & retrospective"\)/g, () => `("okr-sheets close ${file}")`)
    .replace(/Use "Set up tracker" first\./g, () => `Run "okr-sheets repair ${file}" to set it up first.`);
}

/** A refusal from the add-on, with its messages pointing at the CLI's repair. */
export function offlineHints<T>(result: T, file: string): T {
  if (!result || typeof result !== "object" || (result as { ok?: unknown }).ok !== false) return result;
  const r = result as { message?: unknown };
  return typeof r.message === "string" ? ({ ...result, message: repairHint(r.message, file) } as T) : result;
}
