// GET /api/creators/:creatorId/fans/tags – the creator's fan tags with how many fans carry each.
import { apiRoute } from "@/lib/server/api/route";
import { listTags } from "@/lib/server/fans/notes-tags";

export const GET = apiRoute({
  access: "creator",
  permission: "fans:read",
  handler: ({ access }) => listTags(access.creator.id),
});
