// A tab found by its name whatever its case. Whether Spreadsheet.getSheetByName matches names whatever
// their case is not documented (docs/apps-script-fidelity.md, "to check" 27); tab names are unique whatever
// their case, so under the exact reading a report whose tab someone renamed "WEEKLY SUMMARY" found none,
// then failed to insert one ("A sheet with the name … already exists") instead of refusing in one line or
// writing into its own. The report tabs are found here: getSheetByName first (one call, the usual case), and
// only when it finds nothing the tabs' names, read once per finder (a call a tab: paid when a report's tab
// is missing, as before a first summary, review, retrospective or roll-up).
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type SheetFinder = (name: string) => Sheet | null;

/**
 * A finder whose look at every tab's name, when one is needed, serves all its lookups (no tab made between
 * them). `onCase` hears of a tab found only that way (its name in another case), as it is named.
 */
export function sheetFinder(ss: Spreadsheet, onCase?: (name: string, sheet: Sheet, named: string) => void): SheetFinder {
  let all: { named: string; sheet: Sheet }[] | null = null;
  return (name) => {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
    all = all || ss.getSheets().map((s) => ({ named: s.getName(), sheet: s }));
    const lower = name.toLowerCase();
    const found = all.find((t) => t.named.toLowerCase() === lower);
    if (found && onCase) onCase(name, found.sheet, found.named);
    return found ? found.sheet : null;
  };
}

/** One lookup (sheetFinder's). */
export function sheetNamed(ss: Spreadsheet, name: string): Sheet | null {
  return sheetFinder(ss)(name);
}
