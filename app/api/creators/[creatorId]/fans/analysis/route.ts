// GET/POST/DELETE /api/creators/:creatorId/fans/analysis – whole-audience analysis: progress and ETA, start, cancel.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { cancelAnalysis, getAnalysis, startAnalysis } from "@/lib/server/fans/analysis";

export const GET = apiRoute({
  access: "creator",
  permission: "fans:read",
  handler: ({ access }) => getAnalysis(access),
});

export const POST = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "fans.analysis.start",
  body: z.object({}),
  handler: ({ access }) => startAnalysis(access),
});

export const DELETE = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "fans.analysis.cancel",
  body: z.object({}),
  handler: ({ access }) => cancelAnalysis(access),
});
