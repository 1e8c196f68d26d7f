// The stand-in for Apps Script's client API, injected into the sidebar by the preview server.
// google.script.run.withSuccessHandler(f).withFailureHandler(g).anyName(...args) POSTs {fn, args} to /rpc;
// the success handler gets the result, the failure handler an Error carrying the server's message.
// After each successful call the sidebar tells the page around it (same origin) to refresh the tabs.
// Arguments are checked first by Google's rules, as its client does before sending anything: a Date, a
// function, any object that is not a plain object or array (an event, a Map) or a circular structure throws
// a TypeError in Google's words (src/local/sheets/scriptRun.ts ILLEGAL_VALUE, CIRCULAR) and nothing is
// sent. JSON alone had turned a Date into its ISO text and dropped a function, so the browser tests passed
// where Google refuses the call. A form element (legal on Google as the only argument) is not modelled.

import { CIRCULAR, ILLEGAL_VALUE } from "../sheets/scriptRun";

/** Message the shim posts to the parent page after a successful server call. */
export const RPC_DONE_MESSAGE = "okr-sheets-preview:rpc-done";

export const SHIM_JS = `(function () {
  "use strict";
  function check(v, key, seen) {
    if (v === null || v === undefined) return;
    var t = typeof v;
    if (t === "string" || t === "boolean" || t === "number") return;
    var proto = t === "object" ? Object.getPrototypeOf(v) : undefined;
    var list = t === "object" && Array.isArray(v);
    if (t !== "object" || (!list && proto !== null && proto !== Object.prototype)) {
      throw new TypeError(${JSON.stringify(ILLEGAL_VALUE)} + key);
    }
    if (seen.indexOf(v) >= 0) throw new TypeError(${JSON.stringify(CIRCULAR)});
    seen.push(v);
    var keys = list ? v.map(function (_e, i) { return String(i); }) : Object.keys(v);
    for (var i = 0; i < keys.length; i++) check(v[keys[i]], keys[i], seen);
    seen.pop();
  }
  function post(fn, args) {
    return fetch("/rpc", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ fn: fn, args: args })
    }).then(function (res) {
      return res.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : {}; } catch (e) { body = null; }
        if (!res.ok || body === null || typeof body !== "object") {
          var msg = body && typeof body.error === "string" ? body.error : "The preview server answered " + res.status + ".";
          throw new Error(msg);
        }
        return body.result;
      });
    });
  }
  function notify(fn) {
    try {
      if (window.parent && window.parent !== window) {
        window.parent.postMessage({ type: ${JSON.stringify(RPC_DONE_MESSAGE)}, fn: fn }, window.location.origin);
      }
    } catch (e) { /* not framed by the preview page */ }
  }
  function later(f) { setTimeout(f, 0); }
  function runner(onSuccess, onFailure, userObject) {
    var base = {
      withSuccessHandler: function (f) { return runner(f, onFailure, userObject); },
      withFailureHandler: function (f) { return runner(onSuccess, f, userObject); },
      withUserObject: function (o) { return runner(onSuccess, onFailure, o); }
    };
    return new Proxy(base, {
      get: function (target, name) {
        if (typeof name !== "string") return undefined;
        if (Object.prototype.hasOwnProperty.call(target, name)) return target[name];
        if (name === "then" || name === "toJSON") return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          for (var i = 0; i < args.length; i++) check(args[i], String(i), []);
          post(name, args).then(function (result) {
            notify(name);
            if (onSuccess) later(function () { onSuccess(result, userObject); });
          }, function (err) {
            var e = err instanceof Error ? err : new Error(String(err));
            if (onFailure) later(function () { onFailure(e, userObject); });
            else if (window.console) console.error(e);
          });
        };
      }
    });
  }
  var noop = function () {};
  var g = window.google = window.google || {};
  g.script = {
    run: runner(null, null, undefined),
    host: {
      origin: window.location.origin,
      close: noop,
      setHeight: noop,
      setWidth: noop,
      editor: { focus: noop }
    },
    url: {
      getLocation: function (cb) { later(function () { cb({ hash: "", parameter: {}, parameters: {} }); }); }
    },
    history: { push: noop, replace: noop, setChangeHandler: noop }
  };
})();`;

/** The sidebar HTML with the shim as the first script of the document. */
export function injectShim(html: string): string {
  const tag = `<script>\n${SHIM_JS}\n</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return html.slice(0, at) + "\n" + tag + html.slice(at);
  }
  const script = /<script/i.exec(html);
  if (script) return html.slice(0, script.index) + tag + "\n" + html.slice(script.index);
  return tag + "\n" + html;
}
