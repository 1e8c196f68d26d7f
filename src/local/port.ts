// Whether the preview's port is free, asked before anything is built, so a busy port costs the person
// no wait and the message can name a port that is free now.
import { createServer } from "node:net";

/** True when nothing listens on host:port (a wildcard listener on that port counts as busy). */
export function portFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", (e: NodeJS.ErrnoException) => (e.code === "EADDRINUSE" ? resolve(false) : reject(e)));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** The first free port after `port` (up to 50 further), or port + 1 when none is found. */
export async function nextFreePort(port: number, host = "127.0.0.1"): Promise<number> {
  for (let p = port + 1; p <= Math.min(65535, port + 50); p++) if (await portFree(p, host).catch(() => false)) return p;
  return Math.min(65535, port + 1);
}

/** "port 8080 is busy — try npm start -- --port 8081", with the command the person used. */
export async function busyPortMessage(port: number, command: string, host = "127.0.0.1"): Promise<string | null> {
  if (await portFree(port, host)) return null;
  return `port ${port} is busy — try ${command} --port ${await nextFreePort(port, host)}`;
}
