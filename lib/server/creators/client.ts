import "server-only";
import { fanvueClient } from "@/lib/server/fanvue/client";
import type { CreatorAccess } from "@/lib/server/workspaces/access";

/** The Fanvue client for a creator: always the workspace's own connection;
 * self routes for a creator workspace, /creators/{c}/… for an agency. */
export const clientForCreator = (a: Pick<CreatorAccess, "workspace" | "creator">) =>
  fanvueClient({
    connectionId: a.workspace.connectionId,
    mode: a.workspace.kind === "creator" ? "self" : "agency",
    creatorUuid: a.creator.fanvueUuid,
  });
