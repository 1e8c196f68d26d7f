// `okr-sheets serve`: a small local web server (node:http only) showing the workbook's tabs and the real
// sidebar, whose google.script.run calls are forwarded to the built add-on through PreviewBackend.rpc.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { types } from "node:util";
import { escapeHtml, renderPage, selectTab } from "./page";
import { gridTab } from "./grid";
import { injectShim } from "./shim";
import { PREVIEW_BUTTONS, RPC_ALLOWED, type PreviewAnswer, type PreviewBackend, type PreviewServer, type PreviewServerOptions } from "./types";

const MAX_BODY = 1024 * 1024;
/** A menu item asks at most a few questions (Set up asks one, Roll over one). */
const MAX_ANSWERS = 8;

function validAnswer(a: unknown): boolean {
  if (!a || typeof a !== "object" || Array.isArray(a)) return false;
  const { button, text } = a as { button?: unknown; text?: unknown };
  return typeof button === "string" && (PREVIEW_BUTTONS as readonly string[]).includes(button) && (text === undefined || (typeof text === "string" && text.length <= 1000));
}
/** The sidebar's requests are 3 levels deep; anything near the stack's depth would crash later copies. */
const MAX_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `max` (walked without recursion). */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== "object") continue;
    if (depth > max) return true;
    for (const child of Object.values(v as object)) stack.push([child, depth + 1]);
  }
  return false;
}

const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  // "<" escaped so the JSON can never be read as markup by anything that sniffs it.
  const body = JSON.stringify(value === undefined ? null : value).replace(/</g, "\\u003c");
  send(res, status, "application/json; charset=utf-8", body);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, "text/html; charset=utf-8", html, { "Content-Security-Policy": CSP });
}

function errorPage(status: number, message: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${status}</title></head><body><p>${escapeHtml(
    message,
  )}</p></body></html>`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > MAX_BODY) {
        failed = true;
        reject(new HttpError(413, "Request too large."));
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (!failed) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", (e) => {
      if (!failed) reject(e);
    });
  });
}

function messageOf(e: unknown): string {
  // Any realm's Error: a backend's may come from another V8 context (a test's, the add-on's).
  if (types.isNativeError(e) && e.message) return e.message;
  if (typeof e === "string" && e) return e;
  return "The add-on failed.";
}

const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", ""]);
const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** The host name of a Host header ("a:1" → "a", "[::1]:1" → "::1"). */
function hostName(header: string | undefined): string {
  const h = (header || "").trim().toLowerCase();
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    return end > 0 ? h.slice(1, end) : h;
  }
  const colon = h.lastIndexOf(":");
  return colon >= 0 ? h.slice(0, colon) : h;
}

export function startPreviewServer(backend: PreviewBackend, opts: PreviewServerOptions): Promise<PreviewServer> {
  const host = opts.host === undefined ? "127.0.0.1" : opts.host;
  const allowedHosts = new Set([...LOOPBACK_NAMES, host.toLowerCase().replace(/^\[|\]$/g, "")]);
  // Calls run one at a time: each one reads and saves the workbook file.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(f: () => Promise<T>): Promise<T> => {
    const run = queue.then(f, f);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Refuses requests addressed to another host name (DNS rebinding) unless bound to every interface. */
  function hostAllowed(req: IncomingMessage): boolean {
    if (WILDCARD_HOSTS.has(host)) return true;
    return allowedHosts.has(hostName(req.headers.host));
  }

  /** A same-origin JSON object body, or an HttpError saying what is wrong with it. */
  async function jsonBody(req: IncomingMessage): Promise<object> {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) throw new HttpError(403, "Cross-origin calls are not allowed.");
    const type = String(req.headers["content-type"] || "").toLowerCase();
    if (!type.startsWith("application/json")) throw new HttpError(415, "Send JSON (Content-Type: application/json).");
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, "The request body is not valid JSON.");
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "Expected {fn, args}.");
    if (deeperThan(body, MAX_DEPTH)) throw new HttpError(400, `The request is nested more than ${MAX_DEPTH} levels deep.`);
    return body;
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await jsonBody(req);
    const { fn, args } = body as { fn?: unknown; args?: unknown };
    if (typeof fn !== "string" || !RPC_ALLOWED.includes(fn)) {
      throw new HttpError(400, `Unknown server function: ${typeof fn === "string" ? fn.slice(0, 64) : String(fn)}`);
    }
    if (args !== undefined && !Array.isArray(args)) throw new HttpError(400, "args must be an array.");
    let result: unknown;
    try {
      result = await serialised(() => backend.rpc(fn, (args as unknown[] | undefined) || []));
    } catch (e) {
      throw new HttpError(500, messageOf(e));
    }
    sendJson(res, 200, { result });
  }

  /** POST /menu {fn, answers}: one add-on menu item, answered question by question (previewMenu.ts). */
  async function handleMenu(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await jsonBody(req);
    const { fn, answers } = body as { fn?: unknown; answers?: unknown };
    const items = backend.menu ? await backend.menu() : [];
    if (!backend.runMenu || typeof fn !== "string" || !items.some((i) => i.fn === fn)) {
      throw new HttpError(400, `Unknown menu item: ${typeof fn === "string" ? fn.slice(0, 64) : String(fn)}`);
    }
    const list = answers === undefined ? [] : answers;
    if (!Array.isArray(list) || list.length > MAX_ANSWERS || !list.every(validAnswer)) {
      throw new HttpError(400, `answers must be a list of at most ${MAX_ANSWERS} {button, text} answers.`);
    }
    let outcome: unknown;
    try {
      outcome = await serialised(() => backend.runMenu!(fn, list as PreviewAnswer[]));
    } catch (e) {
      throw new HttpError(500, messageOf(e));
    }
    sendJson(res, 200, outcome);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req)) throw new HttpError(403, "Unexpected Host header.");
    const url = new URL(req.url || "/", "http://preview.invalid");
    const method = req.method || "GET";
    const path = url.pathname;
    if (path === "/rpc" || path === "/menu") {
      if (method !== "POST") throw new HttpError(405, "Use POST.");
      return path === "/rpc" ? handleRpc(req, res) : handleMenu(req, res);
    }
    if (method !== "GET" && method !== "HEAD") throw new HttpError(405, "Method not allowed.");
    switch (path) {
      case "/": {
        const tabs = await backend.tabs();
        const extras = { menu: backend.menu ? await backend.menu() : [], notices: backend.notices ? await backend.notices() : [] };
        return sendHtml(res, 200, renderPage(await backend.title(), tabs, selectTab(tabs, url.searchParams.get("tab")), extras));
      }
      case "/api/notices":
        return sendJson(res, 200, backend.notices ? await backend.notices() : []);
      case "/sidebar":
        return sendHtml(res, 200, injectShim(await backend.sidebarHtml()));
      case "/api/tabs":
        // Laid out as the server's HTML is, so the page's script only draws them.
        return sendJson(res, 200, (await backend.tabs()).map(gridTab));
      case "/favicon.ico":
        res.writeHead(204).end();
        return;
      default:
        throw new HttpError(404, "Not found.");
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = messageOf(e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const wantsJson = /^\/(rpc|menu|api\/)/.test(req.url || "");
      if (wantsJson) sendJson(res, status, { error: message });
      else sendHtml(res, status, errorPage(status, message));
      if (status === 413) req.destroy();
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => {
      server.off("error", reject);
      const addr = server.address() as AddressInfo;
      const shown = WILDCARD_HOSTS.has(host) ? "127.0.0.1" : host;
      const urlHost = shown.includes(":") ? `[${shown}]` : shown;
      resolve({
        url: `http://${urlHost}:${addr.port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
