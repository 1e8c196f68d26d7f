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

/** andList of the items in double quotes: "\"A\", \"B\" and \"C\"". */
export function quotedList(items: readonly string[]): string {
  return andList(items.map((i) => `"${i}"`));
}

// A unit written after a count of one reads in the singular ("1 day", not "1 days"; session 18's review of an
// operations pilot's cycle time). Only units whose singular is certain: the plural of a unit a team typed can be
// anything ("boxes", "series", "kudos"), and a wrong singular reads worse than "1 days".
const SINGULAR: Record<string, string> = {
  seconds: "second", minutes: "minute", hours: "hour", days: "day", weeks: "week", months: "month", years: "year",
  points: "point", units: "unit", orders: "order", tickets: "ticket", defects: "defect", incidents: "incident",
  customers: "customer", users: "user", people: "person", items: "item", deals: "deal", calls: "call", hrs: "hr", mins: "min", secs: "sec",
};

/** `unit` as it reads after the number text `count`: singular after exactly 1 ("1 day", "−1 day"), else as typed. */
export function unitAfter(count: string, unit: string): string {
  if (!/^[+\-\u2212]?1$/.test(count)) return unit;
  const one = SINGULAR[unit.toLowerCase()];
  if (!one) return unit;
  return unit === unit.toUpperCase() ? one.toUpperCase() : unit[0] === unit[0].toUpperCase() ? one[0].toUpperCase() + one.slice(1) : one;
}
