// A weekly refresh that Google stops at its 6-minute limit ("Exceeded maximum execution time"), through the
// BUILT add-on (`npm run build` first). Such a run ends at its next call: no catch can record it, and Apps
// Script emails an add-on's user nothing. Until session 18 the status went on showing the run before it
// (`Last weekly refresh: … OK.`, or `none yet`) while this week's digest never came.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { callAddon, type Workbook } from "../../src/local/runtime";
import { setSetting } from "../support/tracker";
import { fireTrigger, refreshTriggersOf, trackers } from "../support/rhythm";

const LEADER = "boss@example.com";

/** A tracker mailing its leader the digest, its refresh on; a run of it lasts past 6 minutes once `slow`. */
function tracker(): { wb: Workbook; slow: () => void } {
  const [wb] = trackers(1);
  setSetting(wb, "Leaders' emails", LEADER);
  setSetting(wb, "Email digest to leaders", "on");
  callAddon(wb, "setWeeklyRefresh", { on: true });
  const slow = () => {
    // Sheets slow to answer: the summary's first write takes 7 minutes.
    let done = false;
    wb.services.counters.listener = (name) => {
      if (done || name !== "Range.setValues") return;
      done = true;
      wb.services.clock.advance(7 * 60_000);
    };
  };
  return { wb, slow };
}

const status = (wb: Workbook) => String(callAddon(wb, "setWeeklyRefresh", {}).status);
const STOPPED = "started, no end recorded: still running, or stopped by Google at 6 minutes (its emails may not have gone out).";

describe("A weekly refresh stopped by Google's 6-minute limit", () => {
  it("is shown as started with no end, not as the week before's outcome, and the next run is not held back", () => {
    const { wb, slow } = tracker();
    wb.services.clock.set(new Date("2026-01-12T07:00:00Z"));
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0]).ok).toBe(true);
    expect(status(wb)).toContain("Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), OK.");
    wb.services.clock.set(new Date("2026-01-19T07:00:00Z"));
    slow();
    expect(() => fireTrigger(wb, refreshTriggersOf(wb)[0])).toThrow("Exceeded maximum execution time");
    wb.services.counters.listener = null;
    wb.services.clock.set(new Date("2026-01-19T09:00:00Z"));
    expect(status(wb)).toContain(`Last weekly refresh: 2026-01-19 07:00 (Etc/UTC), ${STOPPED}`);
    expect(wb.services.mail.sent.filter((m) => m.to === LEADER)).toHaveLength(1); // the week before's only
    // Made up from the menu, or by the next week's run: each runs and records its own outcome.
    expect(callAddon(wb, "sendWeeklyEmailsNow", {})).toMatchObject({ ok: true, outcome: { digestTo: [LEADER] } });
    expect(status(wb)).toContain("Last weekly refresh: 2026-01-19 09:00 (Etc/UTC), run now by ops.lead@example.com, OK.");
    // The trigger's run counts from its start: no "It has not run since" a week later.
    wb.services.clock.set(new Date("2026-01-26T06:00:00Z"));
    expect(status(wb)).not.toContain("It has not run since");
  });

  it("a run now stopped so is shown so too, naming who ran it", () => {
    const { wb, slow } = tracker();
    wb.services.clock.set(new Date("2026-01-13T10:00:00Z"));
    slow();
    const r = callAddon(wb, "sendWeeklyEmailsNow", {});
    expect(r.ok).toBe(false);
    expect(String(r.message)).toContain("Exceeded maximum execution time");
    wb.services.counters.listener = null;
    expect(status(wb)).toContain(`Last weekly refresh: 2026-01-13 10:00 (Etc/UTC), run now by ops.lead@example.com, ${STOPPED}`);
  });

  it("a run now stopped after writing its summary, before its emails, does not keep the trigger's run from sending them", () => {
    const { wb } = tracker();
    wb.services.clock.set(new Date("2026-01-12T05:10:00Z"));
    let done = false;
    wb.services.counters.listener = (name) => {
      if (done || name !== "MailApp.getRemainingDailyQuota") return;
      done = true;
      wb.services.clock.advance(7 * 60_000);
    };
    expect(callAddon(wb, "sendWeeklyEmailsNow", {}).ok).toBe(false);
    wb.services.counters.listener = null;
    expect(wb.services.mail.sent).toHaveLength(0);
    // Before: the trigger's run took the week as the run now's, still sending ("did nothing"), and no digest came.
    wb.services.clock.set(new Date("2026-01-12T07:00:00Z"));
    expect(fireTrigger(wb, refreshTriggersOf(wb)[0])).toMatchObject({ ok: true, outcome: { week: 1, digestTo: [LEADER] } });
    expect(status(wb)).toContain("Last weekly refresh: 2026-01-12 07:00 (Etc/UTC), OK.");
  });

  it("at the trigger's own minute of the hour (07:47): a run now still sending within 6 minutes holds it back; one Google stopped 6 minutes before does not", () => {
    // Google runs a 07:00 trigger at a minute it picks within the hour (session 19: the emulator too). An admin
    // seeing no run at 07:40 may run it now; the trigger's run comes while that one sends, or after Google
    // stopped it. The 6 minutes count from the run now's mark, not from the hour.
    for (const stopped of [false, true]) {
      const { wb } = tracker();
      const [t] = refreshTriggersOf(wb);
      t.minute = 47;
      const runAt = wb.services.nextRun(t, new Date("2026-01-08T00:00:00Z"));
      expect(runAt.toISOString()).toBe("2026-01-12T07:47:00.000Z");
      wb.services.clock.set(new Date(runAt.getTime() - (stopped ? 6.5 : 3) * 60_000));
      let fired: { ok?: boolean; outcome?: { week: number; digestTo: string[] } | null } | undefined;
      let done = false;
      wb.services.counters.listener = (name) => {
        if (done || name !== "MailApp.getRemainingDailyQuota") return;
        done = true;
        if (stopped) {
          wb.services.clock.advance(7 * 60_000); // Google stops it at 6 minutes: nothing is sent
          return;
        }
        // The trigger's run, at its minute, while the run now is about to send.
        wb.services.clock.set(runAt);
        wb.services.runningTrigger = true;
        fired = fireTrigger(wb, t);
        wb.services.runningTrigger = false; // back in the admin's execution
      };
      const now = callAddon(wb, "sendWeeklyEmailsNow", {});
      wb.services.counters.listener = null;
      if (stopped) {
        expect(now.ok).toBe(false);
        wb.services.clock.set(runAt);
        fired = fireTrigger(wb, t);
        expect(fired).toMatchObject({ ok: true, outcome: { week: 1, digestTo: [LEADER] } });
        expect(status(wb)).toContain("Last weekly refresh: 2026-01-12 07:47 (Etc/UTC), OK.");
      } else {
        expect(now.ok).toBe(true);
        expect(fired, "the trigger's run gives way to the run now still sending").toMatchObject({ ok: true, outcome: { week: 0 } });
      }
      expect(wb.services.mail.sent.filter((m) => m.to === LEADER), "one digest").toHaveLength(1);
    }
  });
});
