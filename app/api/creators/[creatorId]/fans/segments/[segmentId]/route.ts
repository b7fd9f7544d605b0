// DELETE /api/creators/:creatorId/fans/segments/:segmentId – deletes a saved segment.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { deleteSegment } from "@/lib/server/fans/segments";

export const DELETE = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "fan.segment",
  params: z.object({ creatorId: z.string(), segmentId: z.string().min(1).max(40) }),
  body: z.object({}),
  handler: async ({ access, params, audit }) => {
    await deleteSegment(access.creator.id, params.segmentId);
    audit({ target: params.segmentId, details: { op: "delete" } });
    return { deleted: params.segmentId };
  },
});
