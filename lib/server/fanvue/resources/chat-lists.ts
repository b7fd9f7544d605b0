import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import type { Priority } from "../limiter";
import { parseResponse } from "../parse";
import { isoDate, nullable, pageOf } from "../schemas/common";

// Smart and custom lists (contract §5.5). Custom-list writes exist on self
// routes only (§6: the agency mirror is read-only).

const memberSchema = z.looseObject({
  uuid: z.string(),
  handle: nullable(z.string()),
  displayName: nullable(z.string()),
});
export type ListMember = z.infer<typeof memberSchema>;

const customListSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  membersCount: z.number().int().default(0),
  createdAt: nullable(isoDate),
});
export type FanvueCustomList = z.infer<typeof customListSchema>;

/** Page size for list reads: Fanvue's maximum, fewest calls. */
export const LIST_PAGE = 50;

/** `search` is documented on the self route only: agencies page the lists
 * and match names themselves. */
export async function listCustomLists(
  client: FanvueClient,
  page: number,
  search?: string,
  priority: Priority = "interactive",
) {
  const query = { page, size: LIST_PAGE, ...(client.mode === "self" ? { search } : {}) };
  const res = await client.creator("GET", "/chats/lists/custom", { query, priority });
  return parseResponse(pageOf(customListSchema), res.body, "/chats/lists/custom");
}

export async function smartListMembers(
  client: FanvueClient,
  id: string,
  page: number,
  priority: Priority = "interactive",
) {
  const res = await client.creator("GET", `/chats/lists/smart/${encodeURIComponent(id)}`, {
    priority,
    query: { page, size: LIST_PAGE },
  });
  return parseResponse(pageOf(memberSchema), res.body, "/chats/lists/smart/{id}");
}

export async function customListMembers(
  client: FanvueClient,
  uuid: string,
  page: number,
  priority: Priority = "interactive",
) {
  const res = await client.creator("GET", `/chats/lists/custom/${encodeURIComponent(uuid)}`, {
    priority,
    query: { page, size: LIST_PAGE },
  });
  return parseResponse(pageOf(memberSchema), res.body, "/chats/lists/custom/{uuid}");
}

export async function createCustomList(client: FanvueClient, name: string) {
  const res = await client.selfOnly("POST", "/chats/lists/custom", { body: { name } });
  return parseResponse(z.looseObject({ uuid: z.string(), name: z.string() }), res.body, "/chats/lists/custom");
}

export async function renameCustomList(client: FanvueClient, uuid: string, name: string) {
  await client.selfOnly("PATCH", `/chats/lists/custom/${encodeURIComponent(uuid)}`, {
    body: { name },
    idempotent: true,
  });
}

export async function deleteCustomList(client: FanvueClient, uuid: string) {
  await client.selfOnly("DELETE", `/chats/lists/custom/${encodeURIComponent(uuid)}`, { idempotent: true });
}

/** Adding existing members is skipped by Fanvue, so this is safe to retry. */
export async function addListMembers(
  client: FanvueClient,
  uuid: string,
  userUuids: string[],
  priority: Priority = "interactive",
) {
  const res = await client.selfOnly("POST", `/chats/lists/custom/${encodeURIComponent(uuid)}/members`, {
    body: { userUuids },
    idempotent: true,
    priority,
  });
  return parseResponse(
    z.looseObject({ added: z.number().int().default(0), skipped: z.number().int().default(0) }),
    res.body,
    "/chats/lists/custom/{uuid}/members",
  );
}

export async function removeListMember(client: FanvueClient, uuid: string, userUuid: string) {
  await client.selfOnly(
    "DELETE",
    `/chats/lists/custom/${encodeURIComponent(uuid)}/members/${encodeURIComponent(userUuid)}`,
    { idempotent: true },
  );
}
