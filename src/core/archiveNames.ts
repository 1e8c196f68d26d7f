// Archive tab names for a finished cycle (docs/lifecycle.md, "Archives"): "<finished cycle name> · <tab>",
// with the characters sheets refuse ([ ] : * ? / \) replaced by "-", no leading/trailing apostrophe, at most
// maxLength characters (100, the Google Sheets limit; 31 for .xlsx) by shortening the cycle-name part, and
// unique (case-insensitively) against the existing tab names by adding " (2)", " (3)", ….

/** Replaces characters sheets refuse in tab names and trims; never empty. */
export function sanitizeTabName(name: string): string {
  let s = String(name === null || name === undefined ? "" : name)
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/[[\]:*?/\\]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  s = s.replace(/^'+/, "").replace(/'+$/, "").trim();
  return s;
}

/**
 * "<cycle> · <tab>", sanitised, within maxLength (the cycle part is shortened first), and unique
 * (case-insensitively) among `taken`; adds " (2)", " (3)", … when needed.
 */
export function archiveTabName(cycleName: string, tab: string, taken: readonly string[], maxLength = 100): string {
  const used = new Set(taken.map((x) => x.toLowerCase()));
  const cycle = sanitizeTabName(cycleName) || "Cycle";
  const suffix = ` · ${sanitizeTabName(tab)}`;
  const fit = (extra: string): string => {
    const room = maxLength - suffix.length - extra.length;
    let c = room > 0 ? cycle.slice(0, room).replace(/[\s']+$/, "") : "";
    if (c === "") c = cycle.slice(0, Math.max(1, room));
    const out = `${c}${suffix}${extra}`;
    return out.length > maxLength ? out.slice(0, maxLength).replace(/[\s']+$/, "") : out;
  };
  let candidate = fit("");
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = fit(` (${i})`);
  return candidate;
}

