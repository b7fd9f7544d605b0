// PATCH /api/creators/:creatorId/media/uploads/:uploadId – complete an upload with its parts' ETags (media turns "processing").
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { uploadCompleteSchema } from "@/lib/schemas/media";
import { finishUpload } from "@/lib/server/media/uploads";

export const PATCH = apiRoute({
  access: "creator",
  permission: "vault:write",
  audit: "media.upload",
  params: z.object({ creatorId: z.string(), uploadId: z.string().min(1).max(200) }),
  body: uploadCompleteSchema,
  // Up to 10,000 parts × an ETag of up to 200 characters ≈ 2.3 MB of JSON.
  maxBodyBytes: 3 * 1024 * 1024,
  handler: async ({ access, params, body, audit }) => {
    const result = await finishUpload(access, params.uploadId, body);
    audit({ target: body.name ?? body.mediaUuid, details: { mediaUuid: body.mediaUuid, parts: body.parts.length } });
    return result;
  },
});
