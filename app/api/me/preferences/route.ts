import { myPreferences, saveMyPreferences } from "@/lib/contracts/account";
import { apiRoute } from "@/lib/server/api/route";
import { getViewerPrefs, saveViewerPrefs } from "@/lib/server/viewer";

export const GET = apiRoute(myPreferences, {
  handler: ({ user }) => getViewerPrefs(user.id),
});

export const PATCH = apiRoute(saveMyPreferences, {
  handler: ({ user, body }) => saveViewerPrefs(user.id, body),
});
