// Roll over where PropertiesService.getDocumentProperties() gives null, as Apps Script documents outside a
// containing document, through the built add-on (dist/Code.js). The roll over keeps a record there (the
// cycle rolled over, so it is not rolled over twice) and drops the summary's checkpoints; it read the
// record without a null check and failed ("Cannot read properties of null") after the check-first refusals.
// Only the menu runs it today (a document is there), but every other reader of document properties
// (weeklyState.ts docProps) already takes null as "no record".
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, setToday } from "../support/tracker";
import { IN_USE_TODAY, trackerInUse } from "../support/inUse";

describe("Roll over without document properties", () => {
  it("rolls over, with no record to check or keep", () => {
    const wb = trackerInUse();
    expect(callAddon(wb, "endCycle", { at: IN_USE_TODAY }).ok).toBe(true);
    setToday(wb, "2026-04-06");
    const props = wb.services.globals.PropertiesService as { getDocumentProperties: () => unknown };
    props.getDocumentProperties = () => null;
    expect(callAddon(wb, "rollOverCycle", { start: "2026-04-06" })).toMatchObject({ ok: true, cycle: "Order-to-delivery pilot 2", carried: { objectives: 3, keyResults: 7 } });
  });
});
