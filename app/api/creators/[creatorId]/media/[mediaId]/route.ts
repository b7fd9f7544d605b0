import { mediaDetails } from "@/lib/contracts/media";
import { apiRoute } from "@/lib/server/api/route";
import { getMediaDetails } from "@/lib/server/media/lookup";

export const GET = apiRoute(mediaDetails, {
  handler: ({ access, params, query }) => getMediaDetails(access, params.mediaId, query.fan),
});
