// The only reader of process.env. Validated once at boot (next.config.mjs
// imports this module), so a missing or malformed variable stops the process
// with its name instead of failing later at the first request.
import { z } from "zod";

const url = (name) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), { error: `${name} must be an http(s) URL` })
    .transform((v) => v.replace(/\/+$/, ""));

// "kid:base64key[,kid:base64key…]" — the first key encrypts, all decrypt.
const keyRing = z.string({ error: "TOKEN_ENCRYPTION_KEYS is required" }).transform((raw, ctx) => {
  const keys = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf(":");
      const id = entry.slice(0, i);
      const key = Buffer.from(entry.slice(i + 1), "base64");
      return { id, key };
    });
  if (keys.length === 0 || keys.some((k) => !/^[A-Za-z0-9_-]{1,32}$/.test(k.id) || k.key.length !== 32)) {
    ctx.addIssue({
      code: "custom",
      message: "TOKEN_ENCRYPTION_KEYS must be kid:base64 entries with 32-byte keys (generate: openssl rand -base64 32)",
    });
    return z.NEVER;
  }
  return keys;
});

// Web Push (VAPID, RFC 8292): a P-256 key pair in URL-safe base64, as
// `npx web-push generate-vapid-keys` prints it. The subject tells push
// services whom to contact: a mailto: address or an https: URL.
const vapidKey = (name, bytes) =>
  z
    .string()
    .trim()
    .refine((v) => /^[A-Za-z0-9_-]+$/.test(v) && Buffer.from(v, "base64url").length === bytes, {
      error: `${name} must be ${bytes} bytes in URL-safe base64 without padding (generate: npx web-push generate-vapid-keys)`,
    });
const vapidSubject = z
  .string()
  .trim()
  .refine((v) => /^(mailto:[^@\s]+@[^@\s]+|https:\/\/[^\s]+)$/.test(v) && URL.canParse(v), {
    error: "VAPID_SUBJECT must be a mailto: address or an https: URL (push services contact it about problems)",
  });

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required" })
    .refine((v) => /^postgres(ql)?:\/\//.test(v), { error: "DATABASE_URL must be a postgresql:// URL" }),
  APP_URL: url("APP_URL").default("http://localhost:3000"),
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET is required" })
    .min(32, { error: "AUTH_SECRET must be at least 32 characters" }),
  FANVUE_CLIENT_ID: z
    .string({ error: "FANVUE_CLIENT_ID is required" })
    .min(1, { error: "FANVUE_CLIENT_ID is required" }),
  FANVUE_CLIENT_SECRET: z
    .string({ error: "FANVUE_CLIENT_SECRET is required" })
    .min(1, { error: "FANVUE_CLIENT_SECRET is required" }),
  FANVUE_API_BASE_URL: url("FANVUE_API_BASE_URL").default("https://api.fanvue.com"),
  FANVUE_AUTH_BASE_URL: url("FANVUE_AUTH_BASE_URL").default("https://auth.fanvue.com"),
  FANVUE_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "FANVUE_API_VERSION must look like 2025-06-26" })
    .default("2025-06-26"),
  TOKEN_ENCRYPTION_KEYS: keyRing,
  /** Set by `npm run dev` when the app runs against the local sandbox. */
  VUEDECK_SANDBOX: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  /** "0" keeps this server process from running background jobs. */
  VUEDECK_WORKER: z
    .enum(["0", "1"])
    .default("1")
    .transform((v) => v === "1"),
  /** "1": count database statements per request (benchmarks only; lib/server/db-count.ts). */
  VUEDECK_COUNT_QUERIES: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  /** Signing secret of the Fanvue app's webhooks (Developer Area → app →
   * Events). Unset: no live updates; the inbox polls instead. */
  FANVUE_WEBHOOK_SECRET: z.string().min(8, { error: "FANVUE_WEBHOOK_SECRET must be at least 8 characters" }).optional(),
  /** Web Push keys; both or neither (unset: no push notifications, the settings say so). */
  VAPID_PUBLIC_KEY: vapidKey("VAPID_PUBLIC_KEY", 65).optional(),
  VAPID_PRIVATE_KEY: vapidKey("VAPID_PRIVATE_KEY", 32).optional(),
  /** Default: APP_URL when it is https, else a mailto: at the app's host. */
  VAPID_SUBJECT: vapidSubject.optional(),
  /** Sandbox admin API (tests and demo tools only). */
  SANDBOX_ADMIN_URL: url("SANDBOX_ADMIN_URL").optional(),
});

function format(error) {
  return error.issues
    .map((i) => {
      const name = i.path.join(".");
      const msg = i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
      return `  - ${msg}`;
    })
    .join("\n");
}

const withPush = schema
  .refine((e) => Boolean(e.VAPID_PUBLIC_KEY) === Boolean(e.VAPID_PRIVATE_KEY), {
    error: "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are a pair: set both (push notifications) or neither",
    path: ["VAPID_PRIVATE_KEY"],
  })
  .transform((e) => ({
    ...e,
    VAPID_SUBJECT:
      e.VAPID_SUBJECT ?? (e.APP_URL.startsWith("https://") ? e.APP_URL : `mailto:push@${new URL(e.APP_URL).hostname}`),
  }));

function load() {
  const parsed = withPush.safeParse(process.env);
  if (parsed.success) return parsed.data;
  // `next build` compiles without runtime secrets; the server validates at start.
  if (process.env.NEXT_PHASE === "phase-production-build") return /** @type {any} */ ({});
  const message = `Invalid environment:\n${format(parsed.error)}\nSee .env.example for what each variable is.`;
  console.error(message);
  throw new Error(message);
}

export const env = load();

// Auth.js reads AUTH_URL itself; keep it equal to our validated APP_URL.
if (env.APP_URL && !process.env.AUTH_URL) process.env.AUTH_URL = env.APP_URL;
