// Sandbox configuration: defaults, and the SANDBOX_* environment variables
// `npm run sandbox` reads (documented in README "Fanvue sandbox").

export type SandboxClient = {
  clientId: string;
  clientSecret: string;
  /** Registered redirect URIs; matched exactly, as Fanvue does. */
  redirectUris: string[];
  name: string;
};

export type SandboxConfig = {
  host: string;
  port: number;
  /** Origin the sandbox is reached at (used in issuer, avatar and media URLs). */
  publicUrl?: string;
  seed: string;
  /** Epoch ms the seeded history ends at; default: the current hour. */
  anchor: number;
  soloFans: number;
  agencyFans: number[];
  months: number;
  clients: SandboxClient[];
  accessTokenTtlSec: number;
  /** Seconds a used refresh token may be replayed (Fanvue: undocumented; default 0). */
  refreshGraceSec: number;
  rateLimit: { limit: number; windowSec: number };
  /** Enables /__sandbox/* (inspection, faults, clock). */
  admin: boolean;
  /** Reject requests without a known X-Fanvue-API-Version (contract default). */
  strictVersion: boolean;
  /** Answer 400 to undocumented parameters and fields, and 500 instead of a
   * response that breaks the reference (default: ignore them, as Fanvue). */
  strict: boolean;
  /** Lifetime of signed media URLs. */
  mediaUrlTtlSec: number;
  webhook: { url: string; secret: string } | null;
  log: boolean;
};

export const API_VERSION = "2025-06-26";
export const RETIRED_VERSIONS: Record<string, string> = { "2024-01-01": "2024-12-31T00:00:00.000Z" };

/** The seeded history runs up to the current hour, so "today" has data. */
const currentHour = () => Math.floor(Date.now() / 3_600_000) * 3_600_000;

export function defaultConfig(overrides: Partial<SandboxConfig> = {}): SandboxConfig {
  return {
    host: "127.0.0.1",
    port: 4010,
    seed: "vuedeck",
    anchor: currentHour(),
    soloFans: 1200,
    agencyFans: [420, 300, 240],
    months: 14,
    clients: [
      {
        clientId: "vuedeck-sandbox",
        clientSecret: "sandbox-secret",
        redirectUris: ["http://localhost:3000/api/auth/callback/fanvue"],
        name: "Vuedeck",
      },
    ],
    accessTokenTtlSec: 3600,
    refreshGraceSec: 0,
    rateLimit: { limit: 200, windowSec: 60 },
    admin: true,
    strictVersion: true,
    // Tests and CI set SANDBOX_STRICT=1 (scripts/test.mjs, vitest.config.ts).
    strict: process.env.SANDBOX_STRICT === "1",
    mediaUrlTtlSec: 600,
    webhook: null,
    log: false,
    ...overrides,
  };
}

function int(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min} (got "${value}")`);
  return n;
}

/** Reads SANDBOX_* variables; throws naming the variable on bad input. */
export function configFromEnv(env: NodeJS.ProcessEnv): SandboxConfig {
  const base = defaultConfig();
  const redirectUris = env.SANDBOX_REDIRECT_URIS?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const uri of redirectUris ?? []) {
    try {
      new URL(uri);
    } catch {
      throw new Error(`SANDBOX_REDIRECT_URIS: "${uri}" is not a URL`);
    }
  }
  const anchor = env.SANDBOX_ANCHOR ? Date.parse(env.SANDBOX_ANCHOR) : base.anchor;
  if (Number.isNaN(anchor)) throw new Error(`SANDBOX_ANCHOR must be an ISO date (got "${env.SANDBOX_ANCHOR}")`);
  const client = base.clients[0]!;
  const webhookUrl = env.SANDBOX_WEBHOOK_URL;
  return {
    ...base,
    host: env.SANDBOX_HOST || base.host,
    port: int("SANDBOX_PORT", env.SANDBOX_PORT, 0) ?? base.port,
    publicUrl: env.SANDBOX_PUBLIC_URL || undefined,
    seed: env.SANDBOX_SEED || base.seed,
    anchor,
    soloFans: int("SANDBOX_FANS", env.SANDBOX_FANS, 1) ?? base.soloFans,
    months: int("SANDBOX_MONTHS", env.SANDBOX_MONTHS, 13) ?? base.months,
    clients: [
      {
        ...client,
        clientId: env.SANDBOX_CLIENT_ID || client.clientId,
        clientSecret: env.SANDBOX_CLIENT_SECRET || client.clientSecret,
        redirectUris: redirectUris?.length ? redirectUris : client.redirectUris,
      },
    ],
    accessTokenTtlSec: int("SANDBOX_ACCESS_TOKEN_TTL", env.SANDBOX_ACCESS_TOKEN_TTL, 1) ?? base.accessTokenTtlSec,
    refreshGraceSec: int("SANDBOX_REFRESH_GRACE", env.SANDBOX_REFRESH_GRACE, 0) ?? base.refreshGraceSec,
    rateLimit: {
      limit: int("SANDBOX_RATE_LIMIT", env.SANDBOX_RATE_LIMIT, 1) ?? base.rateLimit.limit,
      windowSec: int("SANDBOX_RATE_WINDOW", env.SANDBOX_RATE_WINDOW, 1) ?? base.rateLimit.windowSec,
    },
    admin: env.SANDBOX_ADMIN !== "0",
    strictVersion: env.SANDBOX_LENIENT_VERSION !== "1",
    strict: env.SANDBOX_STRICT === "1",
    mediaUrlTtlSec: int("SANDBOX_MEDIA_URL_TTL", env.SANDBOX_MEDIA_URL_TTL, 1) ?? base.mediaUrlTtlSec,
    webhook: webhookUrl ? { url: webhookUrl, secret: env.SANDBOX_WEBHOOK_SECRET || "whsec_sandbox" } : null,
    log: env.SANDBOX_LOG === "1",
  };
}
