// Starts an in-process Fanvue sandbox for an integration test file and points
// the app's env at it. Call before importing any lib/server module.
import { afterAll, afterEach } from "vitest";
import { createSandbox } from "@/sandbox/server";
import type { SandboxConfig } from "@/sandbox/config";
import { authorize } from "@/sandbox/testing";

export async function startTestSandbox(overrides: Partial<SandboxConfig> = {}) {
  const clientId = process.env.FANVUE_CLIENT_ID!;
  const clientSecret = process.env.FANVUE_CLIENT_SECRET!;
  const redirectUri = `${process.env.APP_URL}/api/auth/callback/fanvue`;
  const sb = await createSandbox({
    port: 0,
    soloFans: 200,
    agencyFans: [60, 40, 30],
    clients: [{ clientId, clientSecret, redirectUris: [redirectUri], name: "Vuedeck test" }],
    ...overrides,
  });
  process.env.FANVUE_API_BASE_URL = sb.url;
  process.env.FANVUE_AUTH_BASE_URL = sb.url;
  return {
    ...sb,
    authorize: (handle: string, scopes?: string[]) =>
      authorize(sb.url, { clientId, clientSecret, redirectUri }, handle, scopes),
    admin: (path: string, body?: unknown, method = body === undefined ? "GET" : "POST") =>
      fetch(`${sb.url}/__sandbox${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }).then(
        async (r) => (r.status === 204 ? null : r.json()),
      ),
  };
}

/** The usual hooks of a test file on one sandbox and database: faults and the
 * call log are cleared after each test (no test sees another's), and both
 * are closed at the end. */
export function cleanUpBetweenTests(
  sb: { admin: (path: string, body?: unknown, method?: string) => Promise<unknown>; close: () => Promise<void> },
  db: { $disconnect: () => Promise<void> },
) {
  afterEach(async () => {
    await sb.admin("/faults", undefined, "DELETE");
    await sb.admin("/calls", undefined, "DELETE");
  });
  afterAll(async () => {
    await db.$disconnect();
    await sb.close();
  });
}
