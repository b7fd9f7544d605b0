// GET/POST /api/creators/:creatorId/fans/roster – how fresh the fan roster is (first-sync progress); start a full re-sync.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { getRosterView, resyncRoster } from "@/lib/server/fans/roster-view";

export const GET = apiRoute({
  access: "creator",
  permission: "fans:read",
  handler: async ({ access }) => (await getRosterView(access)).view,
});

export const POST = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "fans.roster.sync",
  body: z.object({}),
  handler: ({ access }) => resyncRoster(access),
});
