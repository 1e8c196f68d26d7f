// What it takes (docs/forecast.md, "What it takes"): the change per week a KR forecast to miss needs from its
// latest value to reach its goal (the target, or an aspirational KR's goal value: forecastWords goalValue) by
// the cycle's last day, beside the pace its forecast line has so far. Only increase and decrease KRs: a stay
// KR's Why says the side of its threshold it ends on, and a pace "to" a threshold it must never cross reads as
// leave to drift to it; milestones are not forecast.

/**
 * `pace`: the change per week needed (`perWeek`, signed as the metric moves: negative for a decrease KR behind);
 * `hold`: the latest value already meets the goal and the line slips back; `out`: out of reach, the change
 * needed each week is more than the KR's whole start-to-target range; `none`: no weeks left (its latest point
 * is on the cycle's last day). `slope`: the line's change per week so far. Plain JSON: the sidebar words it.
 */
export type NeededPace = { kind: "pace"; perWeek: number; slope: number } | { kind: "hold" | "out" | "none"; slope: number };

export function neededPace(
  metric: string | null,
  k: { start: number | null; target: number | null },
  goal: number,
  f: { latest: number; slopePerWeek: number; weeksLeft: number },
): NeededPace | null {
  if ((metric !== "increase" && metric !== "decrease") || k.target === null) return null;
  const slope = f.slopePerWeek;
  if (f.weeksLeft <= 0) return { kind: "none", slope };
  if (metric === "increase" ? f.latest >= goal : f.latest <= goal) return { kind: "hold", slope };
  const perWeek = (goal - f.latest) / f.weeksLeft;
  // A week's change beyond start → target is a whole cycle's work a week: not a pace to print.
  if (k.start !== null && k.start !== k.target && Math.abs(perWeek) > Math.abs(k.target - k.start)) return { kind: "out", slope };
  return { kind: "pace", perWeek, slope };
}
