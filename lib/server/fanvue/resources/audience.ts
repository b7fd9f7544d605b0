import "server-only";
import type { FanvueClient } from "../client";
import type { Priority } from "../limiter";
import { parseResponse } from "../parse";
import { fanUserSchema, pageOf } from "../schemas/common";

// Followers and subscribers (contract §5.7; /creators/{c}/… for agencies):
// page style, newest first, `search` on name or handle, at most 50 a page.

export type AudienceList = "subscribers" | "followers";
export const AUDIENCE_PAGE_MAX = 50;

const audiencePage = pageOf(fanUserSchema);

export async function listAudiencePage(
  client: FanvueClient,
  list: AudienceList,
  q: { page: number; size: number; search?: string },
  opts: { priority?: Priority; signal?: AbortSignal } = {},
) {
  const path = `/${list}`;
  const res = await client.creator("GET", path, {
    query: { page: q.page, size: Math.min(q.size, AUDIENCE_PAGE_MAX), search: q.search || undefined },
    priority: opts.priority,
    signal: opts.signal,
  });
  return parseResponse(audiencePage, res.body, path);
}
