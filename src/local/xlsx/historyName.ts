// exceljs refuses a worksheet named "History" (Excel reserves the name for its change tracking), but the
// tracker's spec names a tab "History" and Google Sheets and LibreOffice accept it. This lets exceljs read
// and write that one name; every other name check stays as exceljs has it.
// A static import, so that a bundled CLI patches the bundled exceljs (a runtime require would load a second copy).
import Worksheet from "exceljs/lib/doc/worksheet.js";

let patched = false;

export function allowHistorySheetName(): void {
  if (patched) return;
  patched = true;
  const desc = Object.getOwnPropertyDescriptor(Worksheet.prototype, "name");
  if (!desc || !desc.set || !desc.get) return;
  const originalSet = desc.set;
  Object.defineProperty(Worksheet.prototype, "name", {
    ...desc,
    set(this: { _name?: string }, name: unknown) {
      if (name === "History") {
        this._name = name;
        return;
      }
      originalSet.call(this, name);
    },
  });
}
