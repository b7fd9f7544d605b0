import "server-only";
import type { FanvueClient } from "./client";
import { FanvueError } from "./errors";
import { sendRaw } from "./http";
import { parseResponse } from "./parse";
import { meSchema, type FanvueMe } from "./schemas/users";

export async function getMe(client: FanvueClient): Promise<FanvueMe> {
  const res = await client.account("GET", "/users/me");
  return parseResponse(meSchema, res.body, "/users/me");
}

/** Longest wait for a rate-limited bucket during sign-in: a short pause is
 * better than a failed sign-in; a long one is better said on the page. */
const SIGN_IN_MAX_WAIT_S = 20;

/** /users/me with a raw access token: used during sign-in, before a
 * connection is stored (so outside the limiter). The account's bucket may be
 * busy with its own background sync: wait out a short Retry-After once. */
export async function getMeWithToken(accessToken: string): Promise<FanvueMe> {
  try {
    const res = await sendRaw({ path: "/users/me", accessToken });
    return parseResponse(meSchema, res.body, "/users/me");
  } catch (err) {
    const wait =
      err instanceof FanvueError && err.kind === "rate_limited"
        ? (err.details.retryAfterSec ?? SIGN_IN_MAX_WAIT_S + 1)
        : null;
    if (wait === null || wait > SIGN_IN_MAX_WAIT_S) throw err;
    await new Promise((r) => setTimeout(r, wait * 1000 + 100));
    const res = await sendRaw({ path: "/users/me", accessToken });
    return parseResponse(meSchema, res.body, "/users/me");
  }
}
