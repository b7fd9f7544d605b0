import type { Role } from "./permissions";
import type { ViewerPrefs } from "./viewer";
import type { Viewer } from "@/lib/utils/time";

// What the dashboard shell shows (GET /api/me; lib/server/shell.ts builds it).

/** A creator as the switcher and the workspace's creator list show it. */
export type CreatorSummary = {
  id: string;
  fanvueUuid: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
};

/** A creator the user may open, with the workspace and role it is opened through. */
export type AccessibleCreator = CreatorSummary & {
  workspaceId: string;
  workspaceName: string;
  workspaceKind: "creator" | "agency";
  role: Role;
};

export type ShellData = {
  user: { name: string; handle: string | null; image: string | null };
  creators: AccessibleCreator[];
  workspaces: {
    id: string;
    name: string;
    kind: "creator" | "agency";
    role: Role;
    needsReauth: boolean;
    reauthReason: string | null;
  }[];
  isSandbox: boolean;
  /** The zone and locale chosen (saved), and this device's own (guess). */
  viewer: { saved: ViewerPrefs; guess: Viewer };
};
