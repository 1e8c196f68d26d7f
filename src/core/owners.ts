// Who an Owner cell names, as the add-on matches and mails it (docs/checkins.md "Who sees and checks in
// which KR"). Owners are pasted from mail programs ("Anna Lee <anna@example.com>", `"Lee, Anna" <anna@…>`,
// `anna@example.com (Anna Lee)`): until session 17 the sidebar compared the whole cell with the signed-in
// email, so such an owner silently saw no KR. One rule here, used by the sidebar, the check-in, the page's
// first KR, the reminders and the focus checks.
//
// Decisions (session 18):
// - A cell may name several owners (co-owners): addresses separated by commas, semicolons or spaces
//   (`anna@example.com, bo@example.com`, `Anna <anna@…>; Bo <bo@…>`), names by semicolons (`Anna; Bo`). Each
//   sees the KR, may check in on it and is reminded. A comma between names does not separate them: `Lee, Anna`
//   is one person as a mail program writes a name.
// - Characters a paste brings that no one typed are dropped (zero-width spaces, a `mailto:` before the address).
import { emailEntries, entryAddress } from "./settings";

/** One person an Owner cell names: as typed, their address when the cell gives one, and what they are compared by. */
export interface Owner {
  text: string;
  address: string | null;
  key: string;
}

/** The cell's text without what a paste adds (zero-width characters, `mailto:`), its white space read as one space, trimmed. */
function spaced(owner: unknown): string {
  return String(owner ?? "")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/mailto:/gi, "")
    .replace(/\s+/g, " ")
    .trim();
}

function person(text: string): Owner {
  const address = entryAddress(text);
  return { text, address, key: (address === null ? text : address).toLowerCase() };
}

/** `text` split at the semicolons outside quotes, angle brackets and parentheses. */
function semicolonParts(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let depth = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "<" || ch === "(")) depth++;
    else if (!quoted && (ch === ">" || ch === ")") && depth) depth--;
    if (ch === ";" && !quoted && !depth) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * The people an Owner cell names, each once (by key), in the cell's order; none for a blank cell. An entry
 * that holds no address (`Anna Lee`, `ops team`, `anna@example`) is a person without one: it matches
 * itself only (a name chosen where no email is available), and gets no email.
 */
export function ownersOf(cell: unknown): Owner[] {
  const out: Owner[] = [];
  for (const part of semicolonParts(spaced(cell))) {
    // Settings' reading of a list of addresses (a display name, quoted or not, stays with its address); a
    // part without "@" is one name, its commas included.
    const split = part.indexOf("@") >= 0 ? emailEntries(part) : [part];
    const entries = split.length === 1 ? [part] : split;
    for (const e of entries) {
      const p = person(e);
      if (!out.some((o) => o.key === p.key)) out.push(p);
    }
  }
  return out;
}

/** The addresses an Owner cell holds, as typed (case kept): the reminders' recipients. */
export function ownerAddresses(cell: unknown): string[] {
  return ownersOf(cell)
    .map((o) => o.address)
    .filter((a): a is string => a !== null);
}

/**
 * The address an Owner cell holds when it names exactly one person who has one, else null (a name, a team,
 * several people, or blank).
 */
export function ownerAddress(owner: unknown): string | null {
  const all = ownersOf(owner);
  return all.length === 1 ? all[0].address : null;
}

/**
 * What a person (a signed-in email, or a name chosen from the sidebar's list) is compared by: the address,
 * lower-cased, when the text holds one; else the text, spaced and lower-cased (with no email available, a
 * person picks "Anna Lee" from the sidebar's list, and it must find the KRs owned by that name).
 */
export function ownerKey(owner: unknown): string {
  return person(spaced(owner)).key;
}

/** The people a cell names as one text, whatever their order and spelling: two cells naming the same people agree. */
export function ownersKey(cell: unknown): string {
  return ownersOf(cell)
    .map((o) => o.key)
    .sort()
    .join(";");
}

/** Whether `person` (an email, or a name chosen from the sidebar's list) is one of the owners the cell names. Blank is nobody. */
export function isOwner(owner: unknown, who: unknown): boolean {
  const k = ownerKey(who);
  return k !== "" && ownersOf(owner).some((o) => o.key === k);
}
