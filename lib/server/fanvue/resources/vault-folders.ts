import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import { parseResponse } from "../parse";
import { isoDate, nullable, pageOf } from "../schemas/common";

// Vault folders (contract §5.10): a folder is identified by its URL-encoded name.

export const folderSchema = z.looseObject({
  name: z.string(),
  createdAt: nullable(isoDate),
  mediaCount: z.number().int().default(0),
});
export type FanvueFolder = z.infer<typeof folderSchema>;

const folderPath = (name: string) => `/vault/folders/${encodeURIComponent(name)}`;

/** Every folder, in one call: the reference answers a page envelope but
 * documents no page or size to ask for more. `complete` is false when Fanvue
 * says there are more than it sent (they cannot be asked for). */
export async function listFolders(client: FanvueClient): Promise<{ folders: FanvueFolder[]; complete: boolean }> {
  const res = await client.creator("GET", "/vault/folders");
  const page = parseResponse(pageOf(folderSchema), res.body, "/vault/folders");
  if (page.pagination.hasMore)
    console.warn(
      `[vault] Fanvue listed ${page.data.length} folders and says there are more; the rest cannot be requested`,
    );
  return { folders: page.data, complete: !page.pagination.hasMore };
}

export async function createFolder(client: FanvueClient, name: string) {
  const res = await client.creator("POST", "/vault/folders", { body: { name } });
  return parseResponse(folderSchema, res.body, "/vault/folders");
}

export async function getFolder(client: FanvueClient, name: string) {
  const res = await client.creator("GET", folderPath(name));
  return parseResponse(folderSchema, res.body, "/vault/folders/{name}");
}

export async function renameFolder(client: FanvueClient, from: string, to: string) {
  await client.creator("PATCH", folderPath(from), { body: { name: to } });
}

export async function deleteFolder(client: FanvueClient, name: string) {
  await client.creator("DELETE", folderPath(name));
}

const folderMediaPage = pageOf(z.looseObject({ uuid: z.string() }));

/** One page of a folder's media (uuids only: all the membership index needs). */
export async function listFolderMedia(client: FanvueClient, name: string, page: number, size = 50) {
  const res = await client.creator("GET", `${folderPath(name)}/media`, {
    query: { page, size },
    priority: "interactive",
  });
  return parseResponse(folderMediaPage, res.body, "/vault/folders/{name}/media");
}

export async function addFolderMedia(client: FanvueClient, name: string, mediaUuids: string[]) {
  const res = await client.creator("POST", `${folderPath(name)}/media`, { body: { mediaUuids } });
  return parseResponse(z.looseObject({ addedCount: z.number().int() }), res.body, "/vault/folders/{name}/media");
}

export async function removeFolderMedia(client: FanvueClient, name: string, mediaUuid: string) {
  // Removing twice ends in the same state: safe to retry.
  await client.creator("DELETE", `${folderPath(name)}/media/${encodeURIComponent(mediaUuid)}`, { idempotent: true });
}
