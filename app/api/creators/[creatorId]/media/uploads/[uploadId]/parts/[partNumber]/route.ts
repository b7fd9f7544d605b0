// GET /api/creators/:creatorId/media/uploads/:uploadId/parts/:partNumber – a fresh presigned URL the browser PUTs that part to.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { partUploadUrl } from "@/lib/server/media/uploads";

export const GET = apiRoute({
  access: "creator",
  permission: "vault:write",
  params: z.object({
    creatorId: z.string(),
    uploadId: z.string().min(1).max(200),
    partNumber: z.coerce.number({ error: "partNumber must be a number" }).int().min(1).max(10_000),
  }),
  handler: ({ access, params }) => partUploadUrl(access, params.uploadId, params.partNumber),
});
