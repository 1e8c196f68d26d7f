// Counts and lists in messages and reports: "1 objective", "2 objectives", "1 of 1 team tracker", "A, B and C".

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Rows of a report that lists objectives and key results together: "1 objective or key result", "10 objectives and key results". */
export function okrRows(n: number): string {
  return n === 1 ? "1 objective or key result" : `${n} objectives and key results`;
}

/** "2 of 5 team trackers", "1 of 1 team tracker": the noun agrees with the total. */
export function ofTotal(part: number, total: number, one: string, many = `${one}s`): string {
  return `${part} of ${plural(total, one, many)}`;
}

/** "A", "A and B", "A, B and C". */
export function andList(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The first `n` items joined by ", ", and how many more: "O1.KR2, O1.KR3 and 4 more". */
export function firstAndMore(items: readonly string[], n: number): string {
  const shown = items.slice(0, n).join(", ");
  return items.length > n ? `${shown} and ${items.length - n} more` : shown;
}

/** andList of the items in double quotes: "\"A\", \"B\" and \"C\"". */
export function quotedList(items: readonly string[]): string {
  return andList(items.map((i) => `"${i}"`));
}

// A unit written after a count of one reads in the singular ("1 day", not "1 days"; session 18's review of an
// operations pilot's cycle time). The units listed are certain; any other one-word unit of four letters or more
// is made singular by the regular English endings (session 19: "1 boxes" read as typed): -ies → -y
// ("1 entry"), -xes, -ches, -shes, -sses → without -es ("1 box", "1 batch", "1 process"), else a final -s
// dropped ("1 pallet", "1 release"; "1 KPI" from "KPIs"). Endings those rules get wrong are left as typed (-ss, -us, -is,
// -ves, -oes: "knives", "potatoes"), as are the words listed below that are no plural or not so made
// ("series", "news", "kudos", "calories"), short forms ("lbs", "ms") and units of more than one word
// ("boxes/day"): a wrong singular reads worse than "1 boxes".
const SINGULAR: Record<string, string> = {
  seconds: "second", minutes: "minute", hours: "hour", days: "day", weeks: "week", months: "month", years: "year",
  points: "point", units: "unit", orders: "order", tickets: "ticket", defects: "defect", incidents: "incident",
  customers: "customer", users: "user", people: "person", items: "item", deals: "deal", calls: "call", hrs: "hr", mins: "min", secs: "sec",
  calories: "calorie", cookies: "cookie", movies: "movie", pies: "pie", ties: "tie", lies: "lie",
};
// The units of time in the languages of the decimal-comma locales a team may type its unit in (session 21: a
// German team's "1 Tage"): the add-on writes English only, but a unit is the team's word, and its singular after
// 1 is that language's. Only these, whose singular is certain; not "minuten" (German Minute, Dutch minuut) nor
// "meses" (Spanish mes, Portuguese mês), which stay as typed rather than take the English rule's "mese".
const TIME_SINGULAR: Record<string, string> = {
  sekunden: "sekunde", stunden: "stunde", tage: "tag", wochen: "woche", monate: "monat", jahre: "jahr",
  ans: "an", "années": "année", "días": "día", "años": "año",
  secondi: "secondo", minuti: "minuto", ore: "ora", giorni: "giorno", settimane: "settimana", mesi: "mese", anni: "anno",
  seconden: "seconde", uren: "uur", dagen: "dag", weken: "week", maanden: "maand", jaren: "jaar",
};
const LEFT_AS_TYPED = new Set(["minuten", "meses"]);
const NOT_PLURAL = new Set(["series", "species", "news", "kudos", "means", "analytics", "logistics", "physics", "economics", "ethics", "thanks"]);

/** The singular of one unit word by the regular English endings, or null where they may be wrong. */
function regularSingular(unit: string): string | null {
  // An abbreviation's plural: "KPIs", "FTEs".
  if (/^[A-Z]{2,}s$/.test(unit)) return unit.slice(0, -1);
  const u = unit.toLowerCase();
  if (!/^[a-z]{4,}$/i.test(unit) || NOT_PLURAL.has(u) || !u.endsWith("s")) return null;
  if (/(ss|us|is|ves|oes)$/.test(u) || LEFT_AS_TYPED.has(u)) return null;
  if (u.endsWith("ies")) return `${unit.slice(0, -3)}${unit.slice(-3, -2) === "I" ? "Y" : "y"}`;
  if (/(x|ch|sh|ss)es$/.test(u)) return unit.slice(0, -2);
  return unit.slice(0, -1);
}

/** `unit` as it reads after the number text `count`: singular after exactly 1 ("1 day", "−1 day", "1 box"), else as typed. */
export function unitAfter(count: string, unit: string): string {
  if (!/^[+\-\u2212]?1$/.test(count)) return unit;
  const one = SINGULAR[unit.toLowerCase()] || TIME_SINGULAR[unit.toLowerCase()];
  if (!one) return regularSingular(unit) ?? unit;
  return unit === unit.toUpperCase() ? one.toUpperCase() : unit[0] === unit[0].toUpperCase() ? one[0].toUpperCase() + one.slice(1) : one;
}

/** A unit word's singular where it is certain (the tables above, "days" → "day", "Tage" → "tag"), lowercase; else the word lowercased. */
export function singularKey(unit: string): string {
  const u = unit.toLowerCase();
  return SINGULAR[u] || TIME_SINGULAR[u] || u;
}
