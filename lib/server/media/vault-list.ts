import "server-only";
import type { VaultItem, VaultPage, VaultQuery } from "@/lib/schemas/media";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { FANVUE_ERROR_TEXT, FanvueError } from "@/lib/server/fanvue/errors";
import { listMedia, type FanvueMedia, type VariantType } from "@/lib/server/fanvue/resources/media";
import { listChatMedia, withVariants } from "@/lib/server/fanvue/resources/media-sent";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { expiryOf, toVaultItem } from "./variants";

// The vault grid, one Fanvue page per answer. Fanvue cannot search names or
// filter by "bought by this fan", so those scan the vault page by page with a
// budget per answer; the client keeps asking while it scrolls.

/** Fanvue's largest page: the fewest calls per screen (6 columns × 8 rows). */
export const PAGE_SIZE = 50;
/** A search reads at most 6 pages (300 items) per answer: well under a
 * second here, and 6 of the creator's 200 calls a minute. */
const SCAN_PAGES = 6;
/** …and returns as soon as it has a screenful of matches. */
const SCAN_TARGET = 24;
/** Pages read at once while scanning: three times faster, and at most two
 * calls more than needed when a wave finds a screenful early. */
const SCAN_WAVE = 3;
/** How long one vault answer waits for Fanvue, retries included: a slow
 * Fanvue times out after 15 s per attempt and is retried, which held the
 * grid on its skeleton for most of a minute before saying anything. A page
 * of 50 normally takes well under a second. */
const READ_BUDGET_MS = 4_000;
/** Abandoned uploads stay "created" on Fanvue forever: not vault content. */
const VISIBLE_STATUSES = ["processing", "ready", "error"];
/** The main variant only for dimensions and length; its URL is dropped. */
const LIST_VARIANTS: VariantType[] = ["main", "thumbnail_gallery"];
/** Chat media per "sent to this fan" page: each message on it costs one more
 * call for its thumbnails (the chat media list carries no URLs), so a page
 * is the list's own default of 20, not a full 50. */
const SENT_PAGE_SIZE = 20;

function pageCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 1;
  if (!/^\d{1,6}$/.test(cursor) || Number(cursor) < 1)
    throw new ApiError("invalid_input", "cursor is invalid", { field: "cursor" });
  return Number(cursor);
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** null when Fanvue's own filters suffice (no scan needed). */
function matcherFor(q: VaultQuery): ((m: FanvueMedia) => boolean) | null {
  const needle = q.q ? fold(q.q) : "";
  const bought = Boolean(q.fan) && q.fanView === "bought";
  if (!needle && !bought) return null;
  return (m) =>
    (!bought || m.purchasedByFan === true) &&
    (!needle || [m.name, m.caption, m.description].some((t) => t !== null && fold(t).includes(needle)));
}

/** Fanvue's answer, or "slow to answer" once the answer's budget is spent. */
async function withinBudget<T>(deadline: AbortSignal, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (deadline.aborted) throw new FanvueError("timeout", FANVUE_ERROR_TEXT.timeout, { cause: err });
    throw err;
  }
}

export async function listVault(access: CreatorAccess, q: VaultQuery): Promise<VaultPage> {
  const client = clientForCreator(access);
  if (q.fan && q.fanView === "sent") return listSentToFan(client, access, q);
  const match = matcherFor(q);
  const filters = {
    mediaType: q.type,
    folderName: q.folder,
    usage: q.usage,
    purchasedBy: q.fan,
    status: VISIBLE_STATUSES,
    variants: LIST_VARIANTS,
  };
  const now = Date.now();
  const items: VaultItem[] = [];
  let page = pageCursor(q.cursor);
  let checked = 0;
  let hasMore = true;
  const budget = match ? SCAN_PAGES : 1;
  const deadline = AbortSignal.timeout(READ_BUDGET_MS);
  for (let read = 0; hasMore && read < budget && !(match && items.length >= SCAN_TARGET);) {
    const wave = Array.from({ length: match ? Math.min(SCAN_WAVE, budget - read) : 1 }, (_, k) => page + k);
    const results = await withinBudget(
      deadline,
      Promise.all(wave.map((p) => listMedia(client, { ...filters, page: p, size: PAGE_SIZE }, deadline))),
    );
    for (const res of results) {
      checked += res.data.length;
      for (const m of res.data) if (!match || match(m)) items.push(toVaultItem(m, page));
      read++;
      page++;
      hasMore = res.pagination.hasMore && res.data.length > 0;
      if (!hasMore) break;
    }
  }
  return {
    items,
    nextCursor: hasMore ? String(page) : null,
    checked,
    urlsExpireAt: expiryOf(
      items.map((i) => i.thumb?.url),
      now,
    ),
  };
}

/** Media the creator sent this fan in their chat (newest first). Folder and
 * usage do not apply to chat media; type and search do. Thumbnails come from
 * the per-message lookup, for the items this page shows only. */
async function listSentToFan(client: FanvueClient, access: CreatorAccess, q: VaultQuery): Promise<VaultPage> {
  const now = Date.now();
  let res;
  try {
    res = await listChatMedia(client, q.fan!, {
      cursor: q.cursor || undefined,
      limit: SENT_PAGE_SIZE,
      mediaType: q.type,
    });
  } catch (err) {
    // No conversation yet: nothing was sent.
    if (err instanceof FanvueError && err.kind === "not_found")
      return { items: [], nextCursor: null, checked: 0, urlsExpireAt: null };
    throw err;
  }
  const needle = q.q ? fold(q.q) : "";
  const seen = new Set<string>();
  const sent = res.data
    .filter((m) => m.ownerUuid === null || m.ownerUuid === access.creator.fanvueUuid)
    .filter((m) => !seen.has(m.uuid) && seen.add(m.uuid))
    .filter((m) => !needle || (m.name !== null && fold(m.name).includes(needle)));
  const items = (await withVariants(client, q.fan!, sent, LIST_VARIANTS))
    // Chat media is vault media already sent: ready by definition.
    .map((m) =>
      toVaultItem(
        {
          ...m,
          status: "ready",
          createdAt: m.created_at,
          caption: null,
          description: null,
          recommendedPrice: null,
          purchasedByFan: null,
        },
        null,
      ),
    );
  return {
    items,
    nextCursor: res.nextCursor,
    checked: res.data.length,
    urlsExpireAt: expiryOf(
      items.map((i) => i.thumb?.url),
      now,
    ),
  };
}
