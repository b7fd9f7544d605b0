// GET /api/workspaces/:workspaceId/live – server-sent events: new messages, tips, purchases, subscribers of the creators in scope.
import { z } from "zod";
import { ApiError } from "@/lib/server/api/errors";
import { apiRoute } from "@/lib/server/api/route";
import { openLiveStream } from "@/lib/server/live/stream";

export const GET = apiRoute({
  access: "workspace",
  permission: "chats:read",
  query: z.object({ since: z.coerce.number().int().min(0).optional() }),
  handler: ({ access, req, query }) => {
    // Only EventSource clients get a stream (a plain GET would never end).
    if (!req.headers.get("accept")?.includes("text/event-stream")) throw new ApiError("invalid_input", "This endpoint streams server-sent events: send Accept: text/event-stream.", { field: "Accept" });
    const header = req.headers.get("last-event-id");
    const last = header && /^\d+$/.test(header) ? Number(header) : (query.since ?? null);
    return openLiveStream(access, req.signal, last);
  },
});
