// Starting content for a new tracker. The operations template is a 90-day pilot on one value stream
// (order to delivery), over the hard metrics operations leaders already track weekly.
import type { KeyResultFields, ObjectiveFields } from "./model";
import type { PnlLink } from "./tabs";

export interface TemplateObjective extends ObjectiveFields {
  pnlLink: PnlLink;
}

/** A template's KRs always have a start and a target; a blank weight is "" (written as an empty cell). */
export interface TemplateKr extends Omit<KeyResultFields, "start" | "target" | "weight"> {
  start: number;
  target: number;
  weight: number | "";
}

export interface Template {
  cycleName: string;
  admins: string[];
  leaders: string[];
  objectives: TemplateObjective[];
  keyResults: TemplateKr[];
}

export const TEMPLATE_NAMES = ["operations", "blank"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

const TEAM = "Order to delivery";

export const OPERATIONS_TEMPLATE: Template = {
  cycleName: "Order-to-delivery pilot",
  admins: ["ops.lead@example.com"],
  leaders: ["ops.director@example.com", "finance.partner@example.com"],
  objectives: [
    { id: "O1", title: "Deliver every order when we promised it", owner: "ops.lead@example.com", team: TEAM, parentId: "", type: "committed", pnlLink: "revenue" },
    { id: "O2", title: "Get it right the first time", owner: "quality.lead@example.com", team: TEAM, parentId: "", type: "committed", pnlLink: "margin" },
    { id: "O3", title: "Make the value stream cheaper to run", owner: "ops.lead@example.com", team: TEAM, parentId: "", type: "aspirational", pnlLink: "cost" },
  ],
  keyResults: [
    { id: "O1.KR1", objectiveId: "O1", title: "Raise on-time delivery from 82% to 95%", owner: "dispatch.lead@example.com", metric: "increase", unit: "%", start: 82, target: 95, weight: 2 },
    { id: "O1.KR2", objectiveId: "O1", title: "Cut order cycle time from 9.5 to 6 days", owner: "planning.lead@example.com", metric: "decrease", unit: "days", start: 9.5, target: 6, weight: 1 },
    { id: "O1.KR3", objectiveId: "O1", title: "Keep the open-order backlog at or below 120 orders", owner: "planning.lead@example.com", metric: "stay_below", unit: "orders", start: 112, target: 120, weight: 1 },
    { id: "O2.KR1", objectiveId: "O2", title: "Cut the rework rate from 6.5% to 3%", owner: "quality.lead@example.com", metric: "decrease", unit: "%", start: 6.5, target: 3, weight: 2 },
    { id: "O2.KR2", objectiveId: "O2", title: "Keep first-pass yield at or above 92%", owner: "quality.lead@example.com", metric: "stay_above", unit: "%", start: 93, target: 92, weight: 1 },
    { id: "O3.KR1", objectiveId: "O3", title: "Bring cost per unit from 42.00 to 36.00", owner: "finance.partner@example.com", metric: "decrease", unit: "EUR", start: 42, target: 36, weight: 1 },
    { id: "O3.KR2", objectiveId: "O3", title: "Run a 15-minute daily huddle on every shift", owner: "ops.lead@example.com", metric: "milestone", unit: "done", start: 0, target: 1, weight: 1 },
  ],
};

export const BLANK_TEMPLATE: Template = {
  cycleName: "Cycle 1",
  admins: [],
  leaders: [],
  objectives: [],
  keyResults: [],
};

export function templateByName(name: TemplateName): Template {
  return name === "operations" ? OPERATIONS_TEMPLATE : BLANK_TEMPLATE;
}
