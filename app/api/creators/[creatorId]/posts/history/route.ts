// GET /api/creators/:creatorId/posts/history?page&range&tz – recent posts with likes, comments, tips and earnings in the range.
import { z } from "zod";
import { timeZoneField } from "@/lib/schemas/viewer";
import { apiRoute } from "@/lib/server/api/route";
import { getHistory, HISTORY_RANGES } from "@/lib/server/posts/history";

export const GET = apiRoute({
  access: "creator",
  permission: "posts:read",
  query: z.object({
    page: z.coerce.number().int().min(1).max(500).default(1),
    range: z.enum(HISTORY_RANGES, { error: `range must be one of ${HISTORY_RANGES.join(", ")}` }).default("30d"),
    tz: timeZoneField.default("UTC"),
  }),
  handler: ({ access, query }) => getHistory(access, query),
});
