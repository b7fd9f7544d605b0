import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import { collect, pages } from "../paginate";
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

/** Creators keep tens of folders, not thousands: 1,000 is a safety stop. */
const MAX_FOLDERS = 1_000;

export function listFolders(client: FanvueClient): Promise<FanvueFolder[]> {
  const schema = pageOf(folderSchema);
  return collect(
    pages(async (page) => {
      const res = await client.creator("GET", "/vault/folders", { query: { page, size: 50 } });
      return parseResponse(schema, res.body, "/vault/folders");
    }),
    MAX_FOLDERS,
  );
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
  const res = await client.creator("GET", `${folderPath(name)}/media`, { query: { page, size }, priority: "interactive" });
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
