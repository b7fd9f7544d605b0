import { z } from "zod";
import type { ConnectionDisconnected, ConnectionView } from "@/lib/schemas/settings";
import { route } from "./contract";

// The Settings page: the Fanvue connections the user holds (tokens never leave the server).

/** The Fanvue accounts this user connected: state, scopes granted vs requested, last refresh. */
export const myConnections = route<ConnectionView[]>()({
  method: "GET",
  path: "/api/me/connections",
  access: "user",
});

/** Disconnect the workspace's Fanvue account: revoke at Fanvue, delete the stored tokens (the
 * holder only). The body says it was confirmed, so a stray or replayed DELETE changes nothing. */
export const disconnectFanvue = route<ConnectionDisconnected>()({
  method: "DELETE",
  path: "/api/workspaces/:workspaceId/connection",
  access: "workspace",
  permission: "connection:manage",
  body: z.object({ confirm: z.literal(true) }).strict(),
});
