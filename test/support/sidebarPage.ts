// The data the "Check in" menu item embeds in its page (core/sidebarPage.ts embedSidebarData), as the page reads
// it: one place for the tests that look at what the menu's sidebar opens with.
import type { Workbook } from "../../src/local/runtime";
import type { SidebarData } from "../../src/core/api";
import { callAddon } from "./tracker";

/** The JSON in a page's sidebar-data element, parsed; null when the page has none. */
export function sidebarDataIn(html: string): SidebarData | null {
  const m = /<script type="application\/json" id="sidebar-data">([\s\S]*?)<\/script>/.exec(html);
  return m ? JSON.parse(m[1]) : null;
}

/** The last sidebar's HTML the workbook's UI showed. */
export function lastSidebarHtml(wb: Workbook): string {
  const bars = wb.services.ui.sidebars;
  return bars[bars.length - 1].html;
}

/** The data the "Check in" menu item put in its page; throws when the page carries none. */
export function menuPageData(wb: Workbook): SidebarData {
  callAddon(wb, "menuCheckIn");
  const data = sidebarDataIn(lastSidebarHtml(wb));
  if (!data) throw new Error("no data in the page");
  return data;
}
