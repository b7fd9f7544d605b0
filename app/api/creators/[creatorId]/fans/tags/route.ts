import { fanTags } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { listTags } from "@/lib/server/fans/notes-tags";

export const GET = apiRoute(fanTags, {
  handler: ({ access }) => listTags(access.creator.id),
});
