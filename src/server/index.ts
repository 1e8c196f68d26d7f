// The add-on's whole public surface: every export here becomes a top-level function in dist/Code.js
// (Apps Script sees nothing inside the bundle's IIFE). Everything else stays private.
import { buildMenu } from "./menu";

export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(e);
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

export {
  menuSetUp,
  menuCheckIn,
  menuSummary,
  menuReview,
  menuClose,
  menuRollOver,
  menuImport,
  menuRepair,
  menuWeekly,
  menuWeeklyNow,
  menuPortfolio,
  menuHelp,
} from "./menu";
export { submitCheckin } from "./checkin";
export { getSidebarData } from "./checkinSidebar";
export {
  setupTracker,
  repairTracker,
  generateWeeklySummary,
  createMidCycleReview,
  endCycle,
  rollOverCycle,
  importOkrsFromTab,
  setWeeklyRefresh,
  weeklyRefresh,
  sendWeeklyEmailsNow,
  refreshPortfolio,
} from "./actions";
