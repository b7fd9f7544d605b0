import { mediaLookup } from "@/lib/contracts/media";
import { apiRoute } from "@/lib/server/api/route";
import { lookupMedia } from "@/lib/server/media/lookup";

export const GET = apiRoute(mediaLookup, {
  handler: ({ access, query }) => lookupMedia(access, query.uuids, query.fan),
});
