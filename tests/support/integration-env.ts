// Runs before each integration test file: a fresh database cloned from the
// migrated template, and the environment lib/env.mjs validates.
import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

const adminUrl = inject("pgAdminUrl");
const name = `t_${crypto.randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE template_vuedeck`);
await admin.end();

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: adminUrl.replace(/\/postgres$/, `/${name}`),
  APP_URL: "http://localhost:3999",
  AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
  TOKEN_ENCRYPTION_KEYS: `test1:${crypto.randomBytes(32).toString("base64")}`,
  FANVUE_CLIENT_ID: process.env.FANVUE_CLIENT_ID ?? "vuedeck-test",
  FANVUE_CLIENT_SECRET: process.env.FANVUE_CLIENT_SECRET ?? "test-secret",
  // Each test file starts its own sandbox and points these at it.
  FANVUE_API_BASE_URL: process.env.FANVUE_API_BASE_URL ?? "http://127.0.0.1:9",
  FANVUE_AUTH_BASE_URL: process.env.FANVUE_AUTH_BASE_URL ?? "http://127.0.0.1:9",
});
