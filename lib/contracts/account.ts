import { z } from "zod";
import type { ShellData } from "@/lib/schemas/shell";
import type { InviteAccepted, InvitePreview } from "@/lib/schemas/team";
import { viewerPrefsPatchSchema, type ViewerPrefs } from "@/lib/schemas/viewer";
import { route } from "./contract";

// The signed-in user's own routes (their shell, their preferences), invite
// links, and the Fanvue sign-in check.

/** The signed-in user, their workspaces and every creator they may open. */
export const me = route<ShellData>()({
  method: "GET",
  path: "/api/me",
  access: "user",
});

/** Chats with unread messages per creator the user may open (the switcher's badges). */
export const myUnread = route<Record<string, number | null>>()({
  method: "GET",
  path: "/api/me/unread",
  access: "user",
});

/** The zone, locale and colour theme the user chose (null: their device's). */
export const myPreferences = route<ViewerPrefs>()({
  method: "GET",
  path: "/api/me/preferences",
  access: "user",
});

/** Choose the zone, locale or theme; they follow the user to every device. */
export const saveMyPreferences = route<ViewerPrefs>()({
  method: "PATCH",
  path: "/api/me/preferences",
  access: "user",
  body: viewerPrefsPatchSchema,
});

/** Is Fanvue's sign-in service reachable (public; the sign-in page asks before redirecting). */
export const fanvueStatus = route<{ reachable: boolean }>()({
  method: "GET",
  path: "/api/fanvue/status",
  access: "public",
});

const inviteParams = z.object({ token: z.string().min(20).max(100) });

/** What an invite link offers (public: shown before sign-in). */
export const invitePreview = route<InvitePreview>()({
  method: "GET",
  path: "/api/invites/:token",
  access: "public",
  params: inviteParams,
});

/** Join the workspace with the invite's role and creators; 201. */
export const acceptInvite = route<InviteAccepted>()({
  method: "POST",
  path: "/api/invites/:token/accept",
  access: "user",
  params: inviteParams,
});
