import "server-only";
import { env } from "@/lib/env.mjs";

/** Scopes Vuedeck asks for (contract §3). `openid offline_access offline` are
 * mandatory on Fanvue; the rest cover every feature of the dashboard. */
export const FANVUE_SCOPES = [
  "openid",
  "offline_access",
  "offline",
  "read:self",
  "read:chat",
  "write:chat",
  "read:fan",
  "read:post",
  "write:post",
  "read:media",
  "write:media",
  "read:creator",
  "write:creator",
  "read:insights",
  "read:tracking_links",
  "write:tracking_links",
  "read:agency",
  "write:agency",
] as const;

export const fanvueConfig = {
  apiBaseUrl: env.FANVUE_API_BASE_URL,
  authBaseUrl: env.FANVUE_AUTH_BASE_URL,
  apiVersion: env.FANVUE_API_VERSION,
  clientId: env.FANVUE_CLIENT_ID,
  clientSecret: env.FANVUE_CLIENT_SECRET,
  isSandbox: env.VUEDECK_SANDBOX,
};
