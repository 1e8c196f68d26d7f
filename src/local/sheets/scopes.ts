// The manifest's OAuth scopes, for the services beyond the spreadsheet. A script whose manifest sets
// `oauthScopes` is authorised for those and no others (https://developers.google.com/apps-script/concepts/scopes,
// "Setting explicit scopes"), and each method's reference page lists the scope it requires ("Scripts that use
// this method require authorization with one or more of the following scopes"): ScriptApp's trigger methods
// https://www.googleapis.com/auth/script.scriptapp (ref/script/script-app), MailApp's
// https://www.googleapis.com/auth/script.send_mail (ref/mail/mail-app, getRemainingDailyQuota included).
// Called without it, the method throws Apps Script's "You do not have permission to call …" (scopeError, the
// words workbooks.ts gives openById too, whose `spreadsheets` scope it checks itself). Before session 12 only openById
// was checked, so the minimal build (appsscript.json: no trigger, no mail) created triggers and sent mail
// offline.

const AUTH = "https://www.googleapis.com/auth/";

/** The scope each checked method needs, by service. */
const REQUIRED: Record<string, Record<string, string>> = {
  ScriptApp: {
    newTrigger: `${AUTH}script.scriptapp`,
    getProjectTriggers: `${AUTH}script.scriptapp`,
    getUserTriggers: `${AUTH}script.scriptapp`,
    deleteTrigger: `${AUTH}script.scriptapp`,
  },
  MailApp: {
    sendEmail: `${AUTH}script.send_mail`,
    getRemainingDailyQuota: `${AUTH}script.send_mail`,
  },
};

export function scopeError(service: string, method: string, scope: string): Error {
  return new Error(`You do not have permission to call ${service}.${method}. Required permissions: ${scope}`);
}

/**
 * `service` as a script with these manifest scopes sees it: a method whose scope is not among them throws
 * before it runs. `scopes` undefined: not enforced (a test or the CLI that does not say which manifest).
 */
export function withScopes<T extends object>(service: string, o: T, scopes: string[] | undefined): T {
  const needs = REQUIRED[service];
  if (!scopes || !needs) return o;
  return new Proxy(o, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver);
      const scope = typeof prop === "string" ? needs[prop] : undefined;
      if (!scope || scopes.includes(scope) || typeof v !== "function") return v;
      return () => {
        throw scopeError(service, prop as string, scope);
      };
    },
  });
}
