// An in-memory stand-in for the built add-on behind the preview server: two KRs, the api.ts schemas for
// validation, request-ID de-duplication, and switches to make the next call busy, throw, or be slow.
import {
  checkinRequestSchema,
  sidebarRequestSchema,
  type CheckinField,
  type CheckinRequest,
  type CheckinResult,
  type SidebarKr,
  type SidebarResult,
} from "../../src/core/api";
import { FIX_FIELDS_MESSAGE, NO_SUCH_KR_FIELD, NOT_OWNER_FIELD, noSuchKrMessage, notOwnerMessage } from "../../src/core/messages";
import { defaultKrId, embedSidebarData } from "../../src/core/sidebarPage";
import type { PreviewBackend, PreviewTab } from "../../src/local/preview";

export const XSS_NAME = `<img src=x onerror="window.__xss=1">`;

export interface Recorded {
  requestId: string;
  krId: string;
  value: number;
  confidence: number;
  whatChanged: string;
  blockers: string;
  nextStep: string;
  author: string;
}

/** Hands `set` a promise that stays pending until the returned function is called, which also clears it. */
function gate(set: (g: Promise<void> | null) => void): () => void {
  let release = () => {};
  set(new Promise<void>((r) => (release = r)));
  return () => {
    set(null);
    release();
  };
}

export class FakeBackend implements PreviewBackend {
  /** null: the platform gives no email, so the sidebar must ask. */
  email: string | null = "ann@example.com";
  admins: string[] = [];
  decimalSeparator: "." | "," = ".";
  owners = ["ann@example.com", "bob@example.com", "carol@example.com"];
  krs: SidebarKr[] = [
    kr("O1.KR1", "Cut lead time to 5 days", "ann@example.com", "decrease", "days", 10, 5),
    kr("O1.KR2", XSS_NAME, "ann@example.com", "increase", "%", 0, 100),
    kr("O2.KR1", "Ship the new intake form", "bob@example.com", "milestone", "", 0, 1),
  ];
  /** Every submitCheckin request as received. */
  received: CheckinRequest[] = [];
  /** Every getSidebarData request as received. */
  loads: unknown[] = [];
  /** Check-ins written. */
  recorded: Recorded[] = [];
  /** submitCheckin calls that reached the backend, counted before any hold (see holdCheckins). */
  arrived = 0;
  private held: Promise<void> | null = null;
  busyNext = 0;
  throwNext = 0;
  /** The next check-in is refused with this message (as the server refuses one, e.g. outside the cycle). */
  refuseNext: string | null = null;
  /** Every check-in not sent with `confirmed` is asked about with this question (as core/plausible.ts makes the add-on ask). */
  ask: string | null = null;
  /** sidebarHtml embeds the sidebar's data, as the menu item does on Google (core/sidebarPage). */
  embed = false;
  /**
   * The embedded data is a large tracker's page (server/checkinSidebar.ts sidebarPageData): the form's
   * first KR with its details but no check-ins, the others by name only (SidebarData.brief).
   */
  embedBrief = false;
  /**
   * KRs of an objective the person owns (not theirs): the full data lists them, a large tracker's page
   * (embedBrief), from the Key Results table's four columns, does not.
   */
  objectiveKrs: string[] = [];
  /** Today is outside the cycle (SidebarData.cycle.closed), as after its last day. */
  closed: { start: string; end: string } | null = null;
  /** Today is in the week after the cycle's last day, when check-ins are still taken (SidebarData.cycle.late). */
  late: { end: string; until: string } | null = null;
  /** The next check-ins are saved, and their replies reach the page as null (see rpc). */
  nullReplyNext = 0;
  /** The next getSidebarData calls throw, as a failed google.script.run does. */
  failLoadsNext = 0;
  private heldLoads: Promise<void> | null = null;

  title(): string {
    return "Ops pilot <Q3>";
  }

  sidebarHtml(): string {
    if (this.embedBrief) return embedSidebarData(this.html, this.briefPage());
    return this.embed ? embedSidebarData(this.html, this.sidebarData({})) : this.html;
  }

  private briefPage(): SidebarResult {
    const d = this.sidebarData({});
    if (!d.ok) return d;
    const krs = d.krs.filter((k) => !this.objectiveKrs.includes(k.id));
    const first = defaultKrId(krs, d.user);
    return {
      ...d,
      krs: krs.filter((k) => k.id === first).map((k) => ({ ...k, recent: [], correctable: null })),
      brief: krs.filter((k) => k.id !== first).map((k) => ({ id: k.id, row: k.row!, objectiveId: k.objectiveId, name: k.name, owner: k.owner })),
    };
  }

  /**
   * Holds every getSidebarData reply until the returned function is called. The data is read when the
   * call arrives, as on Google, so a check-in saved meanwhile is not in it.
   */
  holdLoads(): () => void {
    return gate((g) => (this.heldLoads = g));
  }

  constructor(private readonly html: string) {
    this.krs[0].recent = [
      { date: "2024-01-08", value: 9, confidence: 6, whatChanged: "First week <b>baseline</b>", author: "ann@example.com" },
      { date: "2024-01-15", value: 8, confidence: 7, whatChanged: "Removed one approval step", author: "ann@example.com" },
    ];
    this.krs[0].current = 8;
    this.krs[0].confidence = 7;
    this.krs[0].lastCheckin = "2024-01-15";
    this.krs[0].score = 0.4;
    this.krs[0].status = "At risk";
  }

  tabs(): PreviewTab[] {
    const header = ["Timestamp", "KR ID", "Value", "Confidence", "What changed", "Author", "Request ID"].map((text) => ({
      text,
      style: { bold: true, background: "#f1f3f4" },
    }));
    return [
      {
        name: "Key Results",
        frozenRows: 1,
        rows: [
          ["ID", "Key result", "Current", "Status"].map((text) => ({ text, style: { bold: true } })),
          ...this.krs.map((k) => [
            { text: k.id },
            { text: k.name },
            { text: String(k.current), style: { align: "right" } },
            { text: k.status, style: { background: k.status === "On track" ? "#b7e1cd" : "#fce8b2" } },
          ]),
        ],
      },
      {
        name: "Check-ins",
        frozenRows: 1,
        rows: [
          header,
          ...this.recorded.map((r) => [
            { text: "2024-01-22" },
            { text: r.krId },
            { text: String(r.value) },
            { text: String(r.confidence) },
            { text: r.whatChanged },
            { text: r.author },
            { text: r.requestId },
          ]),
        ],
      },
    ];
  }

  /**
   * Holds every submitCheckin until the returned function is called, so a test can look at the sidebar
   * while a save is in flight for as long as it needs (a fixed delay races a slow machine).
   */
  holdCheckins(): () => void {
    return gate((g) => (this.held = g));
  }

  async rpc(fn: string, args: unknown[]): Promise<unknown> {
    if (fn === "submitCheckin") this.arrived++;
    if (fn === "submitCheckin" && this.held) await this.held;
    if (fn === "getSidebarData") {
      if (this.failLoadsNext > 0) {
        this.failLoadsNext--;
        throw new Error("Exception: Service Spreadsheets timed out");
      }
      const data = structuredClone(this.getSidebarData(args[0]));
      if (this.heldLoads) await this.heldLoads;
      return data;
    }
    if (fn === "submitCheckin") {
      const r = this.submitCheckin(args[0]);
      if (this.nullReplyNext <= 0) return r;
      // Saved, and answered with what google.script.run hands the page for a return it cannot carry (a Date
      // anywhere in it arrives as null: src/local/sheets/scriptRun.ts).
      this.nullReplyNext--;
      return null;
    }
    throw new Error("no such function " + fn);
  }

  private acting(as: string | undefined): string | null {
    if (this.email) return this.email;
    if (as && this.owners.some((o) => o.toLowerCase() === as.toLowerCase())) return as;
    return null;
  }

  private visible(who: string): SidebarKr[] {
    if (this.admins.some((a) => a.toLowerCase() === who.toLowerCase())) return this.krs;
    return this.krs.filter((k) => k.owner.toLowerCase() === who.toLowerCase() || this.objectiveKrs.includes(k.id));
  }

  getSidebarData(arg: unknown): SidebarResult {
    this.loads.push(arg);
    return this.sidebarData(arg);
  }

  private sidebarData(arg: unknown): SidebarResult {
    const p = sidebarRequestSchema().safeParse(arg ?? {});
    if (!p.success) return { ok: false, message: "Bad request." };
    const who = this.acting(p.data.as);
    return {
      ok: true,
      user: {
        email: this.email,
        actingAs: who,
        isAdmin: !!who && this.admins.includes(who),
        needsIdentity: who === null,
      },
      owners: this.owners,
      locale: this.decimalSeparator === "," ? "de_DE" : "en_US",
      numberStyle: this.decimalSeparator,
      cycle: { name: "Q1 pilot", start: "2024-01-08", week: 3, weeks: 13, asOf: "2024-01-22", ...(this.closed ? { closed: this.closed } : {}), ...(this.late ? { late: this.late } : {}) },
      // Each KR on its sheet row (the page orders the KRs that join it by their rows).
      krs: who ? this.visible(who).map((k) => ({ ...k, row: k.row ?? this.krs.indexOf(k) + 2 })) : [],
      rules: { onTrackGap: 0.1, atRiskGap: 0.25 },
    };
  }

  submitCheckin(arg: unknown): CheckinResult {
    this.received.push(structuredClone(arg) as CheckinRequest);
    if (this.throwNext > 0) {
      this.throwNext--;
      throw new Error("Exception: Service Spreadsheets failed at Code.js:1234 (stack trace here)");
    }
    if (this.refuseNext !== null) {
      const message = this.refuseNext;
      this.refuseNext = null;
      return { ok: false, message };
    }
    if (this.ask !== null && !(arg as CheckinRequest).confirmed) return { ok: false, confirm: true, message: this.ask };
    if (this.busyNext > 0) {
      this.busyNext--;
      return { ok: false, busy: true, message: "Busy." };
    }
    const p = checkinRequestSchema().safeParse(arg);
    if (!p.success) {
      const fieldErrors: Partial<Record<CheckinField, string>> = {};
      for (const issue of p.error.issues) {
        const f = issue.path[0] as CheckinField;
        if (!fieldErrors[f]) fieldErrors[f] = issue.message;
      }
      return { ok: false, message: FIX_FIELDS_MESSAGE, fieldErrors };
    }
    const req = p.data;
    const who = this.acting(req.as);
    if (!who) return { ok: false, message: "Pick who you are first.", fieldErrors: { as: "Unknown person." } };
    const dup = this.recorded.find((r) => r.requestId === req.requestId);
    // Refused as the add-on refuses them (server/checkin.ts), in its words.
    const id = req.krId.trim();
    const any = this.krs.find((x) => x.id === id);
    if (!any) return { ok: false, message: noSuchKrMessage(id), fieldErrors: { krId: NO_SUCH_KR_FIELD } };
    const k = this.visible(who).find((x) => x.id === id);
    if (!k) return { ok: false, message: notOwnerMessage(any.id, any.owner), fieldErrors: { krId: NOT_OWNER_FIELD } };
    if (dup) return { ok: true, duplicate: true, kr: k };
    const raw = typeof req.value === "number" ? String(req.value) : req.value.trim();
    const normal = this.decimalSeparator === "," ? raw.replace(/\./g, "").replace(",", ".") : raw.replace(/,/g, "");
    const value = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normal) ? Number(normal) : NaN;
    const confidence = Number(req.confidence);
    const fieldErrors: Partial<Record<CheckinField, string>> = {};
    if (!Number.isFinite(value)) fieldErrors.value = `New value must be a number, like ${this.decimalSeparator === "," ? "3,5" : "3.5"}.`;
    if (!Number.isInteger(confidence) || confidence < 1 || confidence > 10) fieldErrors.confidence = "Confidence must be a whole number from 1 to 10.";
    if (Object.keys(fieldErrors).length) return { ok: false, message: FIX_FIELDS_MESSAGE, fieldErrors };
    this.recorded.push({
      requestId: req.requestId,
      krId: k.id,
      value,
      confidence,
      whatChanged: req.whatChanged,
      blockers: req.blockers,
      nextStep: req.nextStep,
      author: who,
    });
    const s = Number(k.start);
    const t = Number(k.target);
    const clamp = (x: number) => Math.min(1, Math.max(0, x));
    const score = k.metric === "decrease" ? clamp((s - value) / (s - t)) : k.metric === "milestone" ? clamp(value) : clamp((value - s) / (t - s));
    const expected = 3 / 13;
    const gap = expected - score;
    k.current = value;
    k.confidence = confidence;
    k.lastCheckin = "2024-01-22";
    k.score = score;
    k.status = gap <= 0.1 ? "On track" : gap <= 0.25 ? "At risk" : "Off track";
    k.recent = [...k.recent, { date: "2024-01-22", value, confidence, whatChanged: req.whatChanged, author: who }].slice(-5);
    // As server/checkin.ts replied until session 11 (it now reads the formats for such a KR): without
    // percentCells, which the page keeps from the list.
    const { percentCells: _formats, ...reply } = structuredClone(k);
    return { ok: true, duplicate: false, kr: reply };
  }
}

function kr(id: string, name: string, owner: string, metric: string, unit: string, start: number, target: number): SidebarKr {
  return {
    id,
    objectiveId: id.split(".")[0],
    objective: id.startsWith("O1") ? "Faster customer onboarding" : "Simpler intake",
    name,
    owner,
    metric,
    unit,
    start,
    target,
    current: start,
    confidence: "",
    lastCheckin: "",
    score: null,
    status: "Not started",
    recent: [],
    forecast: null,
    expected: 3 / 13,
  };
}
