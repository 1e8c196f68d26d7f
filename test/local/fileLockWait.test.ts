// How long a CLI command waits for another writer of the same tracker (src/local/fileLock.ts): tests set
// OKR_SHEETS_LOCK_WAIT_MS to see the refusal sooner; a variable set but left empty is not a wait of 0 ms.
import { afterEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { waitBudget } from "../../src/local/fileLock";

describe("the file lock's wait", () => {
  const was = process.env.OKR_SHEETS_LOCK_WAIT_MS;
  afterEach(() => {
    if (was === undefined) delete process.env.OKR_SHEETS_LOCK_WAIT_MS;
    else process.env.OKR_SHEETS_LOCK_WAIT_MS = was;
  });

  it("is 15 s unless the variable names another, and an empty or unreadable one is not set", () => {
    delete process.env.OKR_SHEETS_LOCK_WAIT_MS;
    const byDefault = waitBudget();
    expect(byDefault).toBe(15_000);
    for (const v of ["", "  ", "soon", "-5"]) {
      process.env.OKR_SHEETS_LOCK_WAIT_MS = v;
      expect(waitBudget(), JSON.stringify(v)).toBe(byDefault);
    }
    process.env.OKR_SHEETS_LOCK_WAIT_MS = "0";
    expect(waitBudget()).toBe(0);
    process.env.OKR_SHEETS_LOCK_WAIT_MS = "200";
    expect(waitBudget()).toBe(200);
  });
});
