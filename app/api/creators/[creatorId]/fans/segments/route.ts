import { fanSegmentCreate, fanSegments } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { createSegment, listSegments } from "@/lib/server/fans/segments";

export const GET = apiRoute(fanSegments, {
  handler: ({ access }) => listSegments(access.creator.id),
});

export const POST = apiRoute(fanSegmentCreate, {
  audit: "fan.segment",
  handler: async ({ access, body, user, audit }) => {
    const segment = await createSegment(access.creator.id, body, user.name);
    audit({ target: segment.id, details: { op: "create", name: segment.name, kind: segment.kind } });
    return segment;
  },
});
