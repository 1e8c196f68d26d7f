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

/** Every tab, and each tab's name, each asked for at most once (a call for the tabs, a call a name). */
export interface TabList {
  sheets(): Sheet[];
  named(): { sheet: Sheet; name: string }[];
}

/**
 * The spreadsheet's tabs, read when first asked for and then kept: for the looks of one run made before it
 * inserts, renames or deletes a tab (setup's; until session 14 it listed them up to three times on a new
 * tracker, once for each look). Not for a look after such a change: the list does not follow it.
 */
export function tabList(ss: Spreadsheet): TabList {
  let sheets: Sheet[] | null = null;
  let named: { sheet: Sheet; name: string }[] | null = null;
  const list: TabList = {
    sheets: () => (sheets = sheets || ss.getSheets()),
    named: () => (named = named || list.sheets().map((sheet) => ({ sheet, name: sheet.getName() }))),
  };
  return list;
}

/**
 * A finder whose look at every tab's name, when one is needed, serves all its lookups (no tab made between
 * them), taken from `tabs` when given (a list the caller looks through too). `onCase` hears of a tab found
 * only that way (its name in another case), as it is named.
 */
export function sheetFinder(ss: Spreadsheet, onCase?: (name: string, sheet: Sheet, named: string) => void, tabs: TabList = tabList(ss)): SheetFinder {
  return (name) => {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
    const lower = name.toLowerCase();
    const found = tabs.named().find((t) => t.name.toLowerCase() === lower);
    if (found && onCase) onCase(name, found.sheet, found.name);
    return found ? found.sheet : null;
  };
}

/** One lookup (sheetFinder's). */
export function sheetNamed(ss: Spreadsheet, name: string): Sheet | null {
  return sheetFinder(ss)(name);
}
