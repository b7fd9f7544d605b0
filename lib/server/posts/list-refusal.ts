import "server-only";
import { FanvueError } from "@/lib/server/fanvue/errors";

// When Fanvue answers the post list with "no" (it lacks the route for this
// account, 404/405/501, or refuses it, 403), the history, queue and prices
// fall back to the posts made in Vuedeck and say why in plain words. That is
// not an outage: retrying would not change the answer, so it is not an error
// state either. Outages (5xx, timeouts, rate limits) are handled elsewhere:
// the last good answer with its age, or a retry.

const REFUSALS = new Set<FanvueError["kind"]>(["unsupported", "not_found", "forbidden"]);

export type ListView = "history" | "queue";

const SHOWN: Record<ListView, string> = {
  history: "only posts made in Vuedeck are shown, without likes, comments and tips",
  queue: "only posts scheduled in Vuedeck are shown; posts scheduled in Fanvue's own app are missing",
};

/** Our words for a refused post list, or null when `err` is not a refusal. */
export function listRefusal(err: unknown, view: ListView): string | null {
  if (!(err instanceof FanvueError) || !REFUSALS.has(err.kind)) return null;
  console.warn(
    `[posts] Fanvue refused the post list (${err.kind}${err.status ? ` ${err.status}` : ""}); showing Vuedeck's records`,
  );
  if (err.kind === "forbidden")
    return `Fanvue refused to list this creator's posts for this connection, so ${SHOWN[view]}. Reconnecting Fanvue with access to posts may fix it.`;
  return `Fanvue does not list this creator's posts for this account, so ${SHOWN[view]}.`;
}
