import "server-only";
import type { FanvueClient } from "./client";
import { sendRaw } from "./http";
import { parseResponse } from "./parse";
import { meSchema, type FanvueMe } from "./schemas/users";

export async function getMe(client: FanvueClient): Promise<FanvueMe> {
  const res = await client.account("GET", "/users/me");
  return parseResponse(meSchema, res.body, "/users/me");
}

/** /users/me with a raw access token: used during sign-in, before a
 * connection is stored. */
export async function getMeWithToken(accessToken: string): Promise<FanvueMe> {
  const res = await sendRaw({ path: "/users/me", accessToken });
  return parseResponse(meSchema, res.body, "/users/me");
}
