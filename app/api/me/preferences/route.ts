// GET /api/me/preferences – the zone and locale the user chose (null: their device's).
// PATCH /api/me/preferences – choose them; they follow the user to every device.
import { apiRoute } from "@/lib/server/api/route";
import { viewerPrefsPatchSchema } from "@/lib/schemas/viewer";
import { getViewerPrefs, saveViewerPrefs } from "@/lib/server/viewer";

export const GET = apiRoute({
  access: "user",
  handler: ({ user }) => getViewerPrefs(user.id),
});

export const PATCH = apiRoute({
  access: "user",
  body: viewerPrefsPatchSchema,
  handler: ({ user, body }) => saveViewerPrefs(user.id, body),
});
