// GET/POST /api/creators/:creatorId/fans/segments – saved segments (named filters); POST saves one.
import { segmentCreateSchema } from "@/lib/schemas/fans";
import { apiRoute } from "@/lib/server/api/route";
import { createSegment, listSegments } from "@/lib/server/fans/segments";

export const GET = apiRoute({
  access: "creator",
  permission: "fans:read",
  handler: ({ access }) => listSegments(access.creator.id),
});

export const POST = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "fan.segment",
  body: segmentCreateSchema,
  handler: async ({ access, body, user, audit }) => {
    const segment = await createSegment(access.creator.id, body, user.name);
    audit({ target: segment.id, details: { op: "create", name: segment.name, kind: segment.kind } });
    return segment;
  },
});
