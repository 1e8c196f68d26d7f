// The built sidebar is one self-contained page: no external URLs, no HTML injection APIs, no zod.
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { buildSidebarHtml } from "./build-sidebar";

describe("built sidebar", () => {
  it("is self-contained and small", async () => {
    const html = await buildSidebarHtml();
    expect(html).not.toContain("/* INLINE:CSS */");
    expect(html).not.toContain("/* INLINE:JS */");
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(html).not.toMatch(/ZodError|zod/i);
    expect(Buffer.byteLength(html)).toBeLessThan(60 * 1024);
    // exactly one inline script and no stray closing tag inside it; plus the empty data element the menu
    // item fills (core/sidebarPage), which the browser never runs
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<script type="application\/json" id="sidebar-data"><\/script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
  it("has a visible label for every form field", async () => {
    const html = await buildSidebarHtml();
    for (const [id, label] of [
      ["kr", "Key result"],
      ["value", "New value"],
      ["confidence", "Confidence"],
      ["whatChanged", "What changed"],
      ["blockers", "Blockers"],
      ["nextStep", "Next step"],
    ]) {
      expect(html).toMatch(new RegExp(`<label for="${id}"[^>]*>${label}`));
    }
    expect(html).toContain('inputmode="decimal"');
    expect(html).toMatch(/<button type="submit" id="submit"[^>]*>Submit check-in<\/button>/);
    expect(html).toMatch(/role="status" aria-live="polite"/);
  });
});
