import { afterEach, describe, it } from "@jest/globals";
import { expect } from "../../support/expect";
import { startPreviewServer, type PreviewBackend, type PreviewTab } from "../../../src/local/preview";
import { columnLetter, escapeHtml, renderPage, selectTab } from "../../../src/local/preview/page";
import { cellCss, cellFlow, columnWidths } from "../../../src/local/preview/grid";
import { injectShim } from "../../../src/local/preview/shim";

class MemoryBackend implements PreviewBackend {
  calls: { fn: string; args: unknown[] }[] = [];
  fail = false;
  tabList: PreviewTab[] = [
    {
      name: "Key Results",
      frozenRows: 1,
      rows: [
        [{ text: "ID", style: { bold: true } }, { text: "Key result", style: { bold: true } }],
        [{ text: "O1.KR1" }, { text: "<b>x</b>", style: { background: "#b7e1cd", color: "red", align: "center", italic: true } }],
        [{ text: "O1.KR2" }, { text: "evil", style: { background: 'red;background:url("http://x")', align: "left;color:red" } }],
      ],
    },
    { name: `Tab "<two>"`, rows: [[{ text: "second & last" }]] },
  ];
  tabs(): PreviewTab[] {
    return this.tabList;
  }
  async rpc(fn: string, args: unknown[]): Promise<unknown> {
    this.calls.push({ fn, args });
    if (this.fail) throw new Error("Sheet <exploded>");
    return { ok: true, echo: args[0] };
  }
  sidebarHtml(): string {
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>s</title></head><body><script>window.x=1</script></body></html>`;
  }
  title(): string {
    return "Tracker <&>";
  }
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  if (close) await close();
  close = null;
});

async function start(b: PreviewBackend = new MemoryBackend()) {
  const s = await startPreviewServer(b, { port: 0 });
  close = s.close;
  return s.url;
}

function rpc(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(new URL("/rpc", url), {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("preview server", () => {
  it("listens on a free port on 127.0.0.1", async () => {
    const url = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(url).not.toMatch(/:0\/$/);
  });

  it("renders the tabs with escaped text and validated styles", async () => {
    const url = await start();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).not.toContain("<b>x</b>");
    expect(html).toContain("Tracker &lt;&amp;&gt;");
    expect(html).toContain("Tab &quot;&lt;two&gt;&quot;");
    expect(html).toContain('style="background:#b7e1cd;color:red;font-style:italic;text-align:center"');
    expect(html).not.toContain("url(");
    expect(html).toContain('<iframe id="sidebar" src="/sidebar"');
    // the frozen header row is in the sticky <thead>
    expect(html).toMatch(/<thead>.*<tr class="frozen">.*Key result.*<\/thead>/s);
  });

  it("shows another tab by name", async () => {
    const url = await start();
    const html = await (await fetch(new URL("/?tab=" + encodeURIComponent(`Tab "<two>"`), url))).text();
    expect(html).toContain("second &amp; last");
    expect(html).not.toContain("O1.KR1");
  });

  it("serves the tabs as JSON, laid out as its own HTML draws them (widths, each cell's flow and CSS)", async () => {
    const b = new MemoryBackend();
    b.tabList[0].widths = [70, 5000];
    const url = await start(b);
    const res = await fetch(new URL("/api/tabs", url));
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const [krs, two] = b.tabList;
    const flows = (rows: { flow?: string }[][]) => rows.map((r) => r.map((c) => c.flow ?? ""));
    const tabs = await res.json();
    expect(tabs).toEqual([
      {
        name: krs.name,
        frozenRows: 1,
        widths: [70, 100],
        rows: [
          [{ text: "ID", flow: "clip", css: "font-weight:700" }, { text: "Key result", flow: "spill", css: "font-weight:700" }],
          [{ text: "O1.KR1", flow: "clip" }, { text: "<b>x</b>", flow: "spill", css: "background:#b7e1cd;color:red;font-style:italic;text-align:center" }],
          [{ text: "O1.KR2", flow: "clip" }, { text: "evil", flow: "spill" }],
        ],
      },
      { name: two.name, frozenRows: 0, widths: [100], rows: [[{ text: "second & last", flow: "spill" }]] },
    ]);
    // The same layout as the page's HTML: its columns, its cells' classes and styles.
    const html = await (await fetch(url)).text();
    expect(html).toContain('<colgroup><col class="rownum-col"><col style="width:70px"><col style="width:100px"></colgroup>');
    const tds = [...html.matchAll(/<td(?: class="(\w+)")?(?: title="[^"]*")?(?: style="([^"]*)")?>/g)];
    expect(tds.map((m) => m[1] ?? "")).toEqual(flows(tabs[0].rows).flat());
    expect(tds.map((m) => m[2] ?? "")).toEqual(tabs[0].rows.flat().map((c: { css?: string }) => c.css ?? ""));
  });

  it("serves the sidebar with the google.script.run shim first", async () => {
    const url = await start();
    const html = await (await fetch(new URL("/sidebar", url))).text();
    const shimAt = html.indexOf("google = window.google");
    expect(shimAt).toBeGreaterThan(0);
    expect(shimAt).toBeLessThan(html.indexOf("window.x=1"));
    expect(html).toContain("new Proxy");
  });

  it("forwards allowed functions to the backend", async () => {
    const b = new MemoryBackend();
    const url = await start(b);
    const res = await rpc(url, { fn: "submitCheckin", args: [{ krId: "O1.KR1" }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { ok: true, echo: { krId: "O1.KR1" } } });
    const res2 = await rpc(url, { fn: "getSidebarData", args: [{}] });
    expect(res2.status).toBe(200);
    expect(b.calls.map((c) => c.fn)).toEqual(["submitCheckin", "getSidebarData"]);
  });

  it("rejects unknown functions without calling the backend", async () => {
    const b = new MemoryBackend();
    const url = await start(b);
    for (const fn of ["setupTracker", "constructor", "__proto__", "toString", 42]) {
      const res = await rpc(url, { fn, args: [] });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/Unknown server function/);
    }
    expect(b.calls).toEqual([]);
  });

  it("rejects malformed calls", async () => {
    const b = new MemoryBackend();
    const url = await start(b);
    expect((await rpc(url, "{not json")).status).toBe(400);
    expect((await rpc(url, { fn: "getSidebarData", args: "x" })).status).toBe(400);
    expect((await rpc(url, { fn: "getSidebarData", args: [] }, { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await rpc(url, { fn: "getSidebarData", args: [] }, { Origin: "http://evil.example" })).status).toBe(403);
    expect((await fetch(new URL("/rpc", url))).status).toBe(405);
    expect(b.calls).toEqual([]);
  });

  it("answers JSON nested 400,000 deep with a 400 and a plain message, not a stack overflow", async () => {
    const b = new MemoryBackend();
    const url = await start(b);
    const deep = "[".repeat(400_000) + "]".repeat(400_000);
    const res = await rpc(url, `{"fn":"submitCheckin","args":[${deep}]}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("The request is nested more than 32 levels deep.");
    expect(b.calls).toEqual([]);
  });

  it("refuses other Host names (DNS rebinding)", async () => {
    const url = await start();
    const { request } = await import("node:http");
    const u = new URL(url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: u.hostname, port: u.port, path: "/api/tabs", headers: { Host: "evil.example:" + u.port } }, (res) => {
        res.resume();
        resolve(res.statusCode || 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it("returns backend errors as {error} with status 500", async () => {
    const b = new MemoryBackend();
    b.fail = true;
    const url = await start(b);
    const res = await rpc(url, { fn: "submitCheckin", args: [{}] });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "Sheet <exploded>" });
  });

  it("answers 404 for other paths", async () => {
    const url = await start();
    const res = await fetch(new URL("/nope<script>", url));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("<script>");
  });

  it("close() stops the server", async () => {
    const s = await startPreviewServer(new MemoryBackend(), { port: 0 });
    await s.close();
    await expect(fetch(s.url)).rejects.toThrow();
  });
});

describe("preview helpers", () => {
  it("escapes HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
  it("keeps only safe cell styles", () => {
    expect(cellCss({ background: "rgb(1, 2, 3)", bold: true })).toBe("background:rgb(1, 2, 3);font-weight:700");
    expect(cellCss({ background: "red;x:y", color: "expression(alert(1))", align: "middle" })).toBe("");
  });
  it("lays text out as Sheets does: wrapped cells wrap, others run on over an empty neighbour or are cut", () => {
    const row = [{ text: "Confidence", style: { wrap: true } }, { text: "long title" }, { text: "" }, { text: "a" }, { text: "b" }];
    expect(row.map((_, c) => cellFlow(row, c))).toEqual(["wrap", "spill", "", "clip", "spill"]);
    const html = renderPage("t", [{ name: "S", rows: [row], widths: [70, 5, 2000, 120] }], 0);
    expect(html).toContain(`<td class="clip" title="a">a</td>`);
    expect(columnWidths([70, 5, 2000, 120], 5)).toEqual([70, 100, 100, 120, 100]);
    expect(html).toContain('<col style="width:70px"><col style="width:100px">');
  });
  it("names columns like a spreadsheet", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
  it("selects a tab by name or index", () => {
    const tabs = [{ name: "A", rows: [] }, { name: "1", rows: [] }, { name: "C", rows: [] }];
    expect(selectTab(tabs, null)).toBe(0);
    expect(selectTab(tabs, "C")).toBe(2);
    expect(selectTab(tabs, "1")).toBe(1);
    expect(selectTab(tabs, "2")).toBe(2);
    expect(selectTab(tabs, "zz")).toBe(0);
  });
  it("injects the shim into the head, or before the first script", () => {
    expect(injectShim("<html><head><title>t</title></head></html>")).toMatch(/^<html><head>\n<script>/);
    expect(injectShim("<p>x</p><script>1</script>")).toMatch(/^<p>x<\/p><script>\n\(function/);
    expect(injectShim("plain")).toMatch(/^<script>/);
  });
});
