import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

const valid = {
  PATH: process.env.PATH,
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db",
  AUTH_SECRET: "x".repeat(40),
  FANVUE_CLIENT_ID: "id",
  FANVUE_CLIENT_SECRET: "secret",
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
};

// Loads lib/env.mjs in a fresh Node process, as `next start` would.
function boot(env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, ["-e", "import('./lib/env.mjs').then(() => console.log('ok'))"], {
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
}

describe("env validation", () => {
  it("boots with a complete environment", () => {
    const r = boot(valid);
    expect(r.stdout.trim()).toBe("ok");
    expect(r.status).toBe(0);
  });

  it.each([
    ["DATABASE_URL", undefined, "DATABASE_URL is required"],
    ["DATABASE_URL", "mysql://x", "DATABASE_URL must be a postgresql:// URL"],
    ["AUTH_SECRET", "short", "AUTH_SECRET must be at least 32 characters"],
    ["FANVUE_CLIENT_SECRET", undefined, "FANVUE_CLIENT_SECRET is required"],
    ["FANVUE_API_BASE_URL", "not a url", "FANVUE_API_BASE_URL must be an http(s) URL"],
    ["TOKEN_ENCRYPTION_KEYS", "k1:c2hvcnQ=", "TOKEN_ENCRYPTION_KEYS must be kid:base64 entries with 32-byte keys"],
  ])("refuses to start when %s is %s, naming it", (name, value, message) => {
    const r = boot({ ...valid, [name]: value });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(message);
  });
});
