// Escaping helpers for text that comes from the sheet and goes into HTML (emails) or back into cells.
// Pure functions: they run in Apps Script and in Node alike.

/** Escapes the five HTML-significant characters. Use for every piece of sheet text put into HTML. */
export function escapeHtml(text: unknown): string {
  const s = text === null || text === undefined ? "" : String(text);
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * A URL safe to put into an href: only http(s) URLs, escaped for an attribute; anything else
 * (javascript:, data:, relative paths) gives null, and callers then print no link.
 */
export function safeHttpUrl(url: string): string | null {
  const u = String(url || "").trim();
  if (!/^https?:\/\/[^\s"'<>]+$/i.test(u)) return null;
  return escapeHtml(u);
}

/**
 * True when a spreadsheet would read this text as a formula (or a signed number) if typed into a
 * cell: it starts with `=`, `+`, `-` or `@`. Writers must store such text as text (for example by
 * prefixing an apostrophe, which Sheets strips and keeps the cell a text cell).
 */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** Text as a cell value that a spreadsheet keeps as text: an apostrophe prefix where needed. */
export function asSheetText(text: string): string {
  return isFormulaLike(text) ? "'" + text : text;
}
