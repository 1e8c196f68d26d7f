// The company tracker's digest when its own cycle reports no week (docs/portfolio.md "In the leaders'
// digest"): a weekly refresh before the company cycle's start, or a week or more after its last week was
// reported, writes no Weekly Summary and so sent no email at all, while the teams went on into their next
// cycles and the run rolled them up: the head of operations heard nothing until someone rolled the company
// tracker over. This email carries the roll-up's headline (portfolioDigest.ts), the same section as in the
// weekly digest, after one line saying why the company's own summary is not in it and what starts it again.
import { escapeHtml, safeHttpUrl } from "./escape";
import type { NumberStyle } from "./numbers";
import { h2, line, link, type DigestEmail } from "./emails";
import { portfolioDigestHtml, portfolioDigestLines, portfolioSubject, type PortfolioDigest } from "./portfolioDigest";

/** Where the company cycle stands when the run reports none of its weeks. */
export type CompanyCycleOff = { ended: string } | { starts: string };

/** The one line on the company's own cycle: when it ended (or starts) and what to do about it. */
export function companyCycleLine(c: CompanyCycleOff): string {
  if ("ended" in c) {
    return `The company cycle ended on ${c.ended} and its last week was reported. To start the next one, choose "Roll over to the next cycle" in the add-on menu (okr-sheets rollover): until then this email carries the teams' roll-up only, and Portfolio History keeps the cycle's weeks as they were.`;
  }
  return `The company cycle starts on ${c.starts}; its own weekly summary begins once its first week has been checked in. Until then this email carries the teams' roll-up only.`;
}

/** The leaders' email of a company tracker whose own cycle reports no week this run: the teams' roll-up only. */
export function buildRollupDigest(cycleName: string, c: CompanyCycleOff, portfolio: PortfolioDigest | { error: string }, sheetUrl: string, sep: NumberStyle): DigestEmail {
  const url = safeHttpUrl(sheetUrl);
  const when = "ended" in c ? `the cycle ended on ${c.ended}` : `the cycle starts on ${c.starts}`;
  const subject = line(`OKR weekly summary — ${cycleName}: ${when}${portfolioSubject(portfolio)}`);
  const intro = companyCycleLine(c);
  const p = portfolioDigestLines(portfolio, sep);
  const html = [
    `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;max-width:900px">`,
    `<h1 style="font-size:20px;margin:0 0 4px 0">${escapeHtml(`Weekly summary — ${cycleName}`)}</h1>`,
    `<p style="margin:0 0 12px 0">${escapeHtml(intro)}</p>`,
    url ? `<p style="margin:0 0 12px 0">${link(url, "Open the tracker")}</p>` : "",
    portfolioDigestHtml(p, h2),
    `</div>`,
  ];
  const text = [
    `Weekly summary — ${line(cycleName)}`,
    intro,
    "",
    p.heading.toUpperCase(),
    ...p.lines.map((l) => `  ${line(l)}`),
    ...p.krs.map((k) => `    ${line(k)}`),
    ...p.teams.concat(p.unread).map((l) => `  ${line(l)}`),
    "",
  ];
  if (url) text.push(`Open the tracker: ${url}`);
  return { subject, htmlBody: html.join(""), body: text.join("\n") };
}
