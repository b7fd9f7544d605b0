import { fanSegmentDelete } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { deleteSegment } from "@/lib/server/fans/segments";

export const DELETE = apiRoute(fanSegmentDelete, {
  audit: "fan.segment",
  handler: async ({ access, params, audit }) => {
    await deleteSegment(access.creator.id, params.segmentId);
    audit({ target: params.segmentId, details: { op: "delete" } });
    return { deleted: params.segmentId };
  },
});
