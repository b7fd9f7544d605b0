import "server-only";
import type { MediaDetails, MediaLookup } from "@/lib/schemas/media";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { getMedia } from "@/lib/server/fanvue/resources/media";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { mapLimit } from "@/lib/utils/map-limit";
import { foldersOf } from "./folder-index";
import { expiryOf, missingItem, toVaultItem, variantOf } from "./variants";

// Single items, read live with fresh signed URLs: the preview, the status of
// processing uploads, and thumbnails whose URLs expired.

/** Parallel item reads: a screenful resolves quickly without monopolising
 * the creator's rate bucket. */
const LOOKUP_CONCURRENCY = 4;

/** Items by uuid, fresh from Fanvue. Unknown ones (deleted, or another
 * creator's) come back with status "missing" instead of failing the batch. */
export async function lookupMedia(access: CreatorAccess, uuids: string[], fan?: string): Promise<MediaLookup> {
  const client = clientForCreator(access);
  const now = Date.now();
  const items = await mapLimit(uuids, LOOKUP_CONCURRENCY, async (uuid) => {
    try {
      return toVaultItem(
        await getMedia(client, uuid, { variants: ["main", "thumbnail_gallery"], purchasedBy: fan }),
        null,
      );
    } catch (err) {
      if (err instanceof FanvueError && err.kind === "not_found") return missingItem(uuid);
      throw err;
    }
  });
  return {
    items,
    urlsExpireAt: expiryOf(
      items.map((i) => i.thumb?.url),
      now,
    ),
  };
}

/** The preview: main and blurred variants, details and folders. */
export async function getMediaDetails(access: CreatorAccess, uuid: string, fan?: string): Promise<MediaDetails> {
  const client = clientForCreator(access);
  const now = Date.now();
  let m;
  try {
    m = await getMedia(client, uuid, { variants: ["main", "thumbnail_gallery", "blurred"], purchasedBy: fan });
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "not_found") {
      throw new ApiError(
        "not_found",
        `This media is not in @${access.creator.handle}'s vault. It may have been deleted, or belong to another creator.`,
      );
    }
    throw err;
  }
  const item = toVaultItem(m, null);
  const main = variantOf(m, "main");
  const blurred = variantOf(m, "blurred");
  // Folders are a detail: if Fanvue fails to list them, show "—", not an error.
  const folders = m.status === "ready" ? await foldersOf(access.creator.id, client, uuid).catch(() => null) : [];
  return { ...item, main, blurred, folders, urlsExpireAt: expiryOf([main?.url, blurred?.url, item.thumb?.url], now) };
}
