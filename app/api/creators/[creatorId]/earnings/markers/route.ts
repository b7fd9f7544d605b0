import { earningsMarkers as contract } from "@/lib/contracts/earnings";
import { apiRoute } from "@/lib/server/api/route";
import { earningsMarkers } from "@/lib/server/earnings/markers";

export const GET = apiRoute(contract, {
  handler: ({ access, query }) => earningsMarkers(access, query),
});
