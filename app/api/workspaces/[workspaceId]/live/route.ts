import { teamLive } from "@/lib/contracts/chats";
import { ApiError } from "@/lib/server/api/errors";
import { apiRoute } from "@/lib/server/api/route";
import { openLiveStream } from "@/lib/server/live/stream";
import { SESSION_COOKIES } from "@/lib/utils/session-cookies";

export const GET = apiRoute(teamLive, {
  handler: ({ access, user, req, query }) => {
    // Only EventSource clients get a stream (a plain GET would never end).
    if (!req.headers.get("accept")?.includes("text/event-stream"))
      throw new ApiError("invalid_input", "This endpoint streams server-sent events: send Accept: text/event-stream.", {
        field: "Accept",
      });
    // The stream re-checks the session it was opened with while it runs.
    const sessionToken = SESSION_COOKIES.map((name) => req.cookies.get(name)?.value).find(Boolean);
    if (!sessionToken) throw new ApiError("unauthorized", "Sign in to continue.");
    const header = req.headers.get("last-event-id");
    const last = header && /^\d+$/.test(header) ? Number(header) : (query.since ?? null);
    return openLiveStream({ userId: user.id, workspaceId: access.workspace.id, sessionToken }, req.signal, last);
  },
});
