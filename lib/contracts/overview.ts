import type { CreatorOverview } from "@/lib/schemas/overview";
import type { Snapshot } from "@/lib/schemas/snapshot";
import { route } from "./contract";

/** Audience and inbox at a glance, live from Fanvue (the last good answer, marked stale, while it fails). */
export const creatorOverview = route<Snapshot<CreatorOverview>>()({
  method: "GET",
  path: "/api/creators/:creatorId/overview",
  access: "creator",
  permission: "overview:read",
});
