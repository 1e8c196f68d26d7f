// Who a KR's Owner cell names, as the add-on matches and mails it (docs/checkins.md "Who sees and checks in
// which KR"). Owners are pasted from mail programs ("Anna Lee <anna@example.com>", `"Lee, Anna" <anna@…>`):
// until session 17 the sidebar compared the whole cell with the signed-in email, so such an owner silently
// saw no KR. One rule here, used by the sidebar, the check-in, the page's first KR and the reminders.
import { entryAddress } from "./settings";

/**
 * The address an Owner cell holds, as typed (case kept): the cell alone, or inside a display name in any form
 * Settings reads for leaders (core/settings.ts entryAddress); null for a name, a team, several addresses
 * or blank. White space inside is read as one space (a name wrapped onto two lines in its cell).
 */
export function ownerAddress(owner: unknown): string | null {
  return addressIn(spaced(owner));
}

/** The cell's text with its white space read as one space, trimmed. */
function spaced(owner: unknown): string {
  return String(owner ?? "").replace(/\s+/g, " ").trim();
}

function addressIn(s: string): string | null {
  return s === "" ? null : entryAddress(s);
}

/**
 * What owners and people are compared by: the address, lower-cased, when the text holds one; else the text,
 * trimmed and lower-cased (with no email available, a person picks the name "Anna Lee" from the sidebar's
 * list, and it must find the KRs owned by that name).
 */
export function ownerKey(owner: unknown): string {
  const s = spaced(owner);
  const a = addressIn(s);
  return (a === null ? s : a).toLowerCase();
}

/** Whether `person` (an email, or a name chosen from the sidebar's list) is the owner the cell names. Blank is nobody. */
export function isOwner(owner: unknown, person: unknown): boolean {
  const k = ownerKey(person);
  return k !== "" && k === ownerKey(owner);
}
