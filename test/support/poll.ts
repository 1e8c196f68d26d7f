// Retry an assertion until it holds (for a browser page that updates on its own), then fail with the
// matcher's own message. Jest has no expect.poll; the timeout is generous so a busy machine never fails it
// (under load 10–30 a page waits on add-on work that takes a second alone for ten times as long).
import { expect } from "./expect";

type Matchers<T> = ReturnType<typeof expect<T>>;
type Polled<T> = {
  [K in "toBe" | "toEqual" | "toContain" | "toMatch" | "toBeGreaterThan"]: (
    ...args: Parameters<Matchers<T>[K]>
  ) => Promise<void>;
};

export function poll<T>(read: () => T | Promise<T>, { timeout = 60_000, interval = 50 } = {}): Polled<T> {
  const attempt = (name: string, args: unknown[]) => async () => {
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        const matchers = expect(await read()) as unknown as Record<string, (...a: unknown[]) => void>;
        matchers[name](...args);
        return;
      } catch (err) {
        if (Date.now() >= deadline) throw err;
      }
      await new Promise((r) => setTimeout(r, interval));
    }
  };
  return new Proxy({} as Polled<T>, {
    get: (_target, name) => (...args: unknown[]) => attempt(String(name), args)(),
  });
}
