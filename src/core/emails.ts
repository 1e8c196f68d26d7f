// Emails built from the Weekly Summary: the leaders' digest (the owners' check-in reminders: reminders.ts).
// All sheet text is HTML-escaped; styles are inline (mail clients drop <style>); every status is written
// as its label word, the colour only repeats it. Each HTML body comes with a plain-text alternative.
import { closedSuffix } from "./cycleClosed";
import { scoresNote } from "./summaryStamp";
import { isValidIsoDate, lateCheckinsUntil } from "./dates";
import { ofTotal } from "./plural";
import { escapeHtml, safeHttpUrl } from "./escape";
import { decimalText, fixedText, signedText, type NumberStyle } from "./numbers";
import type { SummaryData, SummaryModel } from "./summary";
import { KR_STATUS_ORDER, percent } from "./summary";
import { STATUS } from "./tabs";
import { attentionWords } from "./summaryLeaders";
import { alignedWords, portfolioDigestHtml, portfolioDigestLines, portfolioSubject, type PortfolioDigest } from "./portfolioDigest";

export interface DigestEmail {
  subject: string;
  htmlBody: string;
  body: string;
}

const COLORS: Record<string, { bg: string; fg: string }> = {
  [STATUS.onTrack]: { bg: "#d9ead3", fg: "#274e13" },
  [STATUS.atRisk]: { bg: "#fff2cc", fg: "#7f6000" },
  [STATUS.offTrack]: { bg: "#f4cccc", fg: "#660000" },
  [STATUS.notStarted]: { bg: "#eeeeee", fg: "#434343" },
  [STATUS.setupError]: { bg: "#d9d2e9", fg: "#20124d" },
  [STATUS.noKeyResults]: { bg: "#eeeeee", fg: "#434343" },
};

// Scores and changes in the spreadsheet locale's decimal separator (the summary data's), as on the tab.
function fmtScore(x: number | null, sep: NumberStyle): string {
  return x === null || x === undefined || !isFinite(x) ? "—" : fixedText(x, 2, sep);
}

function fmtChange(x: number | null, sep: NumberStyle): string {
  return x === null || x === undefined || !isFinite(x) ? "—" : signedText(x, sep);
}

function periodWord(data: SummaryData): string {
  return data.periodDays === 14 ? "fortnight" : "week";
}

function badge(status: string): string {
  const c = COLORS[status] || { bg: "#eeeeee", fg: "#000000" };
  return `<span style="background:${c.bg};color:${c.fg};padding:1px 6px;border-radius:3px;font-weight:bold;white-space:nowrap">${escapeHtml(status)}</span>`;
}

const TD = "padding:4px 8px;border-bottom:1px solid #e0e0e0;vertical-align:top;text-align:left";
const TH = "padding:4px 8px;border-bottom:2px solid #999999;text-align:left;font-weight:bold;background:#f3f3f3";

function table(headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th style="${TH}">${escapeHtml(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td style="${TD}">${c}</td>`).join("")}</tr>`).join("");
  return `<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:4px 0 16px 0;font-size:14px">` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function h2(text: string): string {
  return `<h2 style="font-size:16px;margin:18px 0 4px 0">${escapeHtml(text)}</h2>`;
}

/**
 * A missing KR's last check-in as a phrase: "last check-in 2026-01-25", or "no check-in yet" for one never
 * checked in (until session 17 "last check-in never", which reads as a typo).
 */
export function lastCheckinText(day: string | null, sep = " "): string {
  return day ? `last check-in${sep}${day}` : "no check-in yet";
}
/** The digest table's Last check-in cell of a KR never checked in: the roll-up tab's words, greyed. */
const NONE_YET_HTML = `<span style="color:#666666">none yet</span>`;

function none(text: string): string {
  return `<p style="color:#666666;margin:4px 0 16px 0">${escapeHtml(text)}</p>`;
}

export function link(url: string | null, text: string): string {
  return url ? `<a href="${url}" style="color:#1155cc">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/** Escaped text whose line breaks stay visible. */
function multiline(s: string): string {
  return escapeHtml(s).replace(/\r?\n/g, "<br>");
}

export function krName(id: string, title: string): string {
  return title ? `${id} ${title}` : id;
}

/** Single line (for the plain-text body): inner line breaks become spaces. */
export function line(s: string): string {
  return String(s === null || s === undefined ? "" : s).replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/**
 * A summary as of the day check-ins for the cycle's last week closed, or later: the weekly refresh's final one
 * (server/refreshCycleEnd.ts), which leaders get after the digest of week M as of its last day.
 */
function finalSummary(d: SummaryData): boolean {
  return isValidIsoDate(d.end) && d.asOf >= lateCheckinsUntil(d.start, d.weeks);
}

/**
 * The digest for the leaders. `cap`: at most that many rows in each list (objectives, needs attention,
 * missing check-ins, movers), the rest counted in a line pointing to the Weekly Summary; Google refuses a
 * message body over 200 KB (MailApp's limits), which a tracker of about 200 KRs reaches with every row
 * (src/server/weeklyMail.ts picks the cap). `portfolio`: a company tracker's roll-up of this run (portfolioDigest.ts),
 * shown before the company's own objectives.
 */
export function buildDigest(model: SummaryModel, sheetUrl: string, cap = Infinity, portfolio?: PortfolioDigest | { error: string }): DigestEmail {
  const full = model.data;
  const d = { ...full, objectives: full.objectives.slice(0, cap), attention: full.attention.slice(0, cap), missing: full.missing.slice(0, cap) };
  const more = (shown: number, all: number, html: string[], text: string[]) => {
    if (all <= shown) return;
    const msg = `… and ${all - shown} more on the Weekly Summary tab.`;
    html.push(none(msg));
    text.push(`  ${msg}`);
  };
  const sep = d.decimalSeparator;
  const url = safeHttpUrl(sheetUrl);
  const ov = d.overall;
  const subject = line(
    `OKR weekly summary — ${d.cycleName}, week ${d.week} of ${d.weeks}${finalSummary(d) ? " (final)" : ""}: ${ov.status}` +
      (ov.score === null ? "" : ` (${fmtScore(ov.score, sep)} vs ${fmtScore(ov.expected, sep)} expected)`) +
      (portfolio ? portfolioSubject(portfolio) : ""),
  );
  const rate = d.checkinRate;
  const rateText = `${rate.rate === null ? "—" : percent(rate.rate)} (${ofTotal(rate.checkedIn, rate.total, "KR")})`;

  const html: string[] = [];
  const text: string[] = [];
  html.push(`<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;max-width:900px">`);
  html.push(`<h1 style="font-size:20px;margin:0 0 4px 0">${escapeHtml(`Weekly summary — ${d.cycleName}`)}</h1>`);
  const sub = `Week ${d.week} of ${d.weeks} · as of ${d.asOf} · ${percent(d.elapsed)} of the cycle elapsed${closedSuffix(d.closedOn)}`;
  html.push(`<p style="color:#555555;margin:0 0 12px 0">${escapeHtml(sub)}</p>`);
  text.push(`Weekly summary — ${line(d.cycleName)}`, sub, "");
  // The summary's "This week" lines first: what a leader would forward.
  if (d.thisWeek.length) {
    html.push(`<p style="margin:0 0 12px 0">${d.thisWeek.map(escapeHtml).join("<br>")}</p>`);
    text.push(...d.thisWeek.map(line), "");
  }

  html.push(
    `<p style="margin:0 0 12px 0">Overall score <b>${fmtScore(ov.score, sep)}</b> vs <b>${fmtScore(ov.expected, sep)}</b> expected: ${badge(ov.status)}` +
      `<br>Check-ins this ${periodWord(d)}: ${escapeHtml(rateText)}</p>`,
  );
  text.push(`Overall: ${fmtScore(ov.score, sep)} vs ${fmtScore(ov.expected, sep)} expected — ${ov.status}`);
  text.push(`Check-ins this ${periodWord(d)}: ${rateText}`);
  const counts = KR_STATUS_ORDER.map((s) => `${s}: ${d.statusCounts[s]}`).join(" · ");
  html.push(`<p style="margin:0 0 12px 0">Key results — ${KR_STATUS_ORDER.map((s) => `${badge(s)} ${d.statusCounts[s]}`).join(" &nbsp; ")}</p>`);
  text.push(`Key results: ${counts}`, "");
  if (url) {
    html.push(`<p style="margin:0 0 12px 0">${link(url, "Open the tracker")}</p>`);
  }
  if (portfolio) {
    const p = portfolioDigestLines(portfolio, sep);
    html.push(portfolioDigestHtml(p, h2));
    text.push(p.heading.toUpperCase(), ...p.lines.map((l) => `  ${line(l)}`), ...p.krs.map((k) => `    ${line(k)}`), ...p.teams.concat(p.unread).map((l) => `  ${line(l)}`), "");
  }

  html.push(h2("Objectives"));
  text.push("OBJECTIVES");
  if (full.objectives.length === 0) {
    html.push(none("None."));
    text.push("  None.");
  } else {
    // A company tracker's objectives with the teams aligned under them (the roll-up's aligned score): a column more.
    const teams = d.objectives.map((o) => alignedWords(portfolio, o.id, sep));
    const aligned = teams.some((t) => t !== null);
    html.push(
      table(
        ["ID", "Objective", "Owner", "Score", "Change", "Expected", "Status", ...(aligned ? ["Teams aligned"] : [])],
        d.objectives.map((o, i) => [
          escapeHtml(o.id),
          escapeHtml(o.title),
          escapeHtml(o.owner),
          fmtScore(o.score, sep),
          fmtChange(o.change, sep),
          fmtScore(o.expected, sep),
          badge(o.status),
          ...(aligned ? [escapeHtml(teams[i]?.cell ?? "—")] : []),
        ]),
      ),
    );
    d.objectives.forEach((o, i) => {
      text.push(
        `  ${line(o.id)} ${line(o.title)} (${line(o.owner)}): ${fmtScore(o.score, sep)}, change ${fmtChange(o.change, sep)}, expected ${fmtScore(o.expected, sep)} — ${o.status}${teams[i] ? `; ${teams[i]!.text}` : ""}`,
      );
    });
  }
  more(d.objectives.length, full.objectives.length, html, text);
  text.push("");

  const attention = attentionWords(full.forecast.ended);
  html.push(h2(attention.heading));
  text.push(attention.heading.toUpperCase());
  if (full.attention.length === 0) {
    html.push(none(attention.none));
    text.push("  None.");
  } else {
    html.push(
      table(
        ["Key result", "Owner", "Status", "Score", "Forecast", "Latest comment", "Blockers", "Next step"],
        d.attention.map((k) => [
          escapeHtml(krName(k.id, k.title)),
          escapeHtml(k.owner),
          badge(k.status),
          fmtScore(k.score, sep),
          escapeHtml(k.forecastMiss),
          multiline(k.whatChanged),
          multiline(k.blockers),
          multiline(k.nextStep),
        ]),
      ),
    );
    for (const k of d.attention) {
      text.push(`  ${line(krName(k.id, k.title))} (${line(k.owner)}): ${k.status}, score ${fmtScore(k.score, sep)}`);
      if (k.forecastMiss) text.push(`    ${line(k.forecastMiss)}`);
      if (k.whatChanged) text.push(`    Latest comment: ${line(k.whatChanged)}`);
      if (k.blockers) text.push(`    Blockers: ${line(k.blockers)}`);
      if (k.nextStep) text.push(`    Next step: ${line(k.nextStep)}`);
    }
  }
  more(d.attention.length, full.attention.length, html, text);
  text.push("");

  const missingTitle = `Missing check-ins (none from ${d.periodStart} to ${d.asOf})`;
  html.push(h2(missingTitle));
  text.push(missingTitle.toUpperCase());
  if (full.missing.length === 0) {
    html.push(none(`None — every key result checked in this ${periodWord(d)}.`));
    text.push("  None.");
  } else {
    html.push(
      table(
        ["Key result", "Owner", "Last check-in"],
        d.missing.map((k) => [escapeHtml(krName(k.id, k.title)), escapeHtml(k.owner), k.lastCheckin ? escapeHtml(k.lastCheckin) : NONE_YET_HTML]),
      ),
    );
    for (const k of d.missing) text.push(`  ${line(krName(k.id, k.title))} (${line(k.owner)}): ${lastCheckinText(k.lastCheckin)}`);
  }
  more(d.missing.length, full.missing.length, html, text);
  text.push("");

  html.push(h2("Biggest movers since last week"));
  text.push("BIGGEST MOVERS SINCE LAST WEEK");
  const allMovers = d.movers.up.map((m) => ({ dir: "Up", m })).concat(d.movers.down.map((m) => ({ dir: "Down", m })));
  const movers = allMovers.slice(0, cap);
  if (allMovers.length === 0) {
    const msg = d.lastWeek.source === "none" ? "None — this is the first week of the cycle." : "None — no score changed since last week.";
    html.push(none(msg));
    text.push(`  ${msg}`);
  } else {
    html.push(
      table(
        ["", "Key result", "Owner", "Last week", "Now", "Change"],
        movers.map(({ dir, m }) => [
          `<b>${dir}</b>`,
          escapeHtml(krName(m.id, m.title)),
          escapeHtml(m.owner),
          fmtScore(m.lastWeekScore, sep),
          fmtScore(m.score, sep),
          fmtChange(m.change, sep),
        ]),
      ),
    );
    for (const { dir, m } of movers) {
      text.push(`  ${dir}: ${line(krName(m.id, m.title))} ${fmtScore(m.lastWeekScore, sep)} → ${fmtScore(m.score, sep)} (${fmtChange(m.change, sep)})`);
    }
  }
  more(movers.length, allMovers.length, html, text);
  text.push("");

  html.push(
    `<p style="color:#666666;font-size:12px;margin:16px 0 0 0">${scoresNote(sep, "; expected")}. ` +
      (url ? `The full summary, with the weekly trend, is on the Weekly Summary tab of ${link(url, "the tracker")}.` : "The full summary is on the Weekly Summary tab.") +
      `</p>`,
  );
  html.push(`</div>`);
  text.push(url ? `Open the tracker: ${sheetUrl.trim()}` : "The full summary is on the Weekly Summary tab.");

  return { subject, htmlBody: html.join("\n"), body: text.join("\n") };
}

/** A text's size in UTF-8 bytes, as Google measures a message body. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * MailApp refuses a long subject ("Argument too large: subject", reported past about 250 characters; not on the
 * quotas page): a subject names the Cycle or the tracker, each up to 100 characters, which in Japanese is 300
 * bytes. Cut to 250 UTF-8 bytes, safe whether Google counts characters or bytes (docs/apps-script-fidelity.md, "to check" 44).
 */
const SUBJECT_BYTES = 250;
export function fitSubject(subject: string): string {
  if (utf8Bytes(subject) <= SUBJECT_BYTES) return subject;
  const chars = Array.from(subject);
  while (chars.length && utf8Bytes(chars.join("") + "…") > SUBJECT_BYTES) chars.pop();
  return chars.join("").trimEnd() + "…";
}
