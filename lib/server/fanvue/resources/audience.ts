import "server-only";
import type { FanvueClient } from "../client";
import type { Priority } from "../limiter";
import { parseResponse } from "../parse";
import { fanUserSchema, pageOf } from "../schemas/common";

// Followers and subscribers (/creators/{c}/… for agencies): page style, at
// most 50 a page, `page` and `size` only. Fanvue offers no search here: the
// fan roster in our database does that (lib/server/fans/roster/). Self
// GET /subscribers alone documents a sort (sortField, sortDirection).

export type AudienceList = "subscribers" | "followers";
export const AUDIENCE_PAGE_MAX = 50;

const audiencePage = pageOf(fanUserSchema);

export type AudienceSort = { field: "name" | "subscribedAt"; dir: "asc" | "desc" };

/** `sort` is sent only where Fanvue documents it (a creator's own
 * subscribers); elsewhere the list comes in Fanvue's own order. */
export async function listAudiencePage(
  client: FanvueClient,
  list: AudienceList,
  q: { page: number; size: number; sort?: AudienceSort },
  opts: { priority?: Priority; signal?: AbortSignal } = {},
) {
  const path = `/${list}`;
  const sortable = q.sort && list === "subscribers" && client.mode === "self";
  const res = await client.creator("GET", path, {
    query: {
      page: q.page,
      size: Math.min(q.size, AUDIENCE_PAGE_MAX),
      ...(sortable ? { sortField: q.sort!.field, sortDirection: q.sort!.dir } : {}),
    },
    priority: opts.priority,
    signal: opts.signal,
  });
  return parseResponse(audiencePage, res.body, path);
}
