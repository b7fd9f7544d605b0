import { z } from "zod";
import {
  folderMediaSchema,
  folderNameSchema,
  lookupQuerySchema,
  uploadCompleteSchema,
  uploadCreateSchema,
  vaultQuerySchema,
  type FolderDeleted,
  type FolderMediaAdded,
  type FolderMediaRemoved,
  type FolderRenamed,
  type MediaDetails,
  type MediaLookup,
  type UploadFinished,
  type UploadPartUrl,
  type UploadSession,
  type VaultFolder,
  type VaultPage,
} from "@/lib/schemas/media";
import { route } from "./contract";

// The vault: its grid, media by id, uploads, folders.

/** One page of the vault grid (filters, search, fan context), with thumbnail URLs. */
export const vaultList = route<VaultPage>()({
  method: "GET",
  path: "/api/creators/:creatorId/media",
  access: "creator",
  permission: "vault:read",
  query: vaultQuerySchema,
});

/** Items by id (`?uuids=a,b`) with fresh thumbnail URLs (processing status, expired URLs). */
export const mediaLookup = route<MediaLookup>()({
  method: "GET",
  path: "/api/creators/:creatorId/media/lookup",
  access: "creator",
  permission: "vault:read",
  query: lookupQuerySchema,
});

/** The preview: main and blurred variants, details, folders. */
export const mediaDetails = route<MediaDetails>()({
  method: "GET",
  path: "/api/creators/:creatorId/media/:mediaId",
  access: "creator",
  permission: "vault:read",
  params: z.object({ creatorId: z.string(), mediaId: z.guid({ error: "mediaId must be a media id (UUID)" }) }),
  query: z.object({ fan: z.guid().optional() }),
});

const uploadParams = z.object({ creatorId: z.string(), uploadId: z.string().min(1).max(200) });

/** Opens a multipart upload session on Fanvue (type and size checked first). */
export const uploadStart = route<UploadSession>()({
  method: "POST",
  path: "/api/creators/:creatorId/media/uploads",
  access: "creator",
  permission: "vault:write",
  body: uploadCreateSchema,
});

/** A fresh presigned URL the browser PUTs that part to. */
export const uploadPartUrl = route<UploadPartUrl>()({
  method: "GET",
  path: "/api/creators/:creatorId/media/uploads/:uploadId/parts/:partNumber",
  access: "creator",
  permission: "vault:write",
  params: uploadParams.extend({
    partNumber: z.coerce.number({ error: "partNumber must be a number" }).int().min(1).max(10_000),
  }),
});

/** Completes an upload with its parts' ETags (the media turns "processing"). */
export const uploadComplete = route<UploadFinished>()({
  method: "PATCH",
  path: "/api/creators/:creatorId/media/uploads/:uploadId",
  access: "creator",
  permission: "vault:write",
  params: uploadParams,
  body: uploadCompleteSchema,
});

const folderParams = z.object({ creatorId: z.string(), folderName: z.string().min(1).max(100) });

/** The vault's folders with their media counts. */
export const vaultFolders = route<VaultFolder[]>()({
  method: "GET",
  path: "/api/creators/:creatorId/vault/folders",
  access: "creator",
  permission: "vault:read",
});

/** Creates a folder (409 on a duplicate name). */
export const vaultFolderCreate = route<VaultFolder>()({
  method: "POST",
  path: "/api/creators/:creatorId/vault/folders",
  access: "creator",
  permission: "vault:write",
  body: z.object({ name: folderNameSchema }),
});

/** Renames a folder. */
export const vaultFolderRename = route<FolderRenamed>()({
  method: "PATCH",
  path: "/api/creators/:creatorId/vault/folders/:folderName",
  access: "creator",
  permission: "vault:write",
  params: folderParams,
  body: z.object({ name: folderNameSchema }),
});

/** Deletes a folder (its media stay in the vault). */
export const vaultFolderDelete = route<FolderDeleted>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/vault/folders/:folderName",
  access: "creator",
  permission: "vault:write",
  params: folderParams,
});

/** Adds selected media to a folder (all or nothing). */
export const vaultFolderAddMedia = route<FolderMediaAdded>()({
  method: "POST",
  path: "/api/creators/:creatorId/vault/folders/:folderName/media",
  access: "creator",
  permission: "vault:write",
  params: folderParams,
  body: folderMediaSchema,
});

/** Removes selected media from a folder (all or nothing: removals already made are undone when one fails). */
export const vaultFolderRemoveMedia = route<FolderMediaRemoved>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/vault/folders/:folderName/media",
  access: "creator",
  permission: "vault:write",
  params: folderParams,
  body: folderMediaSchema,
});
