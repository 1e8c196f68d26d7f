// How every report says a KR misses its goal, forecast or ended: "short of its goal". Until session 21 "below
// its goal", which read backwards for a lower-is-better KR ("cycle time: 6 days against a 4-day target … ends
// below its goal", the value above its target): a score falls short of its goal in whichever direction the
// metric counts. One phrase, so the summary, review, retrospective, roll-up, digest, emails and CLI cannot drift.

/** "short of its goal" for one KR, "short of their goal" for any other count. */
export function shortOfGoal(n = 1): string {
  return `short of ${n === 1 ? "its" : "their"} goal`;
}
