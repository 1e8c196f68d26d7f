// The sidebar's data travels inside its page: the menu item builds it and the page shows the form without
// a second server execution (each one costs an Apps Script start-up). The same code embeds it on Google
// (menu.ts) and in the local preview, and the page reads it back (client/panels.ts takeEmbedded).

import { isOwner } from "./owners";

/** The empty element sidebar.html carries; the server fills it with the data as JSON. */
export const SIDEBAR_DATA_SLOT = '<script type="application/json" id="sidebar-data"></script>';

/**
 * The page with `data` inside its data element. The JSON is made safe for a script element: "<" is
 * escaped, so no "</script" or "<!--" in a KR name can end the element or open a comment, and U+2028/9
 * are escaped for older parsers. The browser never runs it (type application/json); the page parses it.
 */
export function embedSidebarData(html: string, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  const i = html.indexOf(SIDEBAR_DATA_SLOT);
  if (i < 0) return html; // an older page: it loads its data through google.script.run
  // Joined, not String.replace: its replacement text reads "$&", "$$", "$`" and "$'", which a KR's name may hold
  // ("Cut spend $$"), and "$&" put the slot's own "</script>" inside the data.
  const close = "</script>";
  const filled = SIDEBAR_DATA_SLOT.slice(0, -close.length) + json + close;
  return html.slice(0, i) + filled + html.slice(i + SIDEBAR_DATA_SLOT.length);
}

/**
 * The key result the form starts on: the only one listed, else the person's own first KR, or none ("Choose a
 * key result…") for an admin or an objective's owner who owns none of those listed: someone else's KR is
 * checked in on by choice, never by default.
 */
export function defaultKrId(krs: { id: string; owner: string }[], user: { isAdmin: boolean; actingAs: string | null }): string {
  if (!krs.length) return "";
  if (krs.length === 1) return krs[0].id;
  const mine = krs.find((k) => isOwner(k.owner, user.actingAs));
  return mine ? mine.id : "";
}
