// Escaping helpers for text that comes from the sheet and goes into HTML (emails). Text written back into
// cells is kept literal by src/server/env.ts asText.
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
