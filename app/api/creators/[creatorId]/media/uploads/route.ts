// POST /api/creators/:creatorId/media/uploads – open a multipart upload session on Fanvue (type and size checked first).
import { apiRoute } from "@/lib/server/api/route";
import { uploadCreateSchema } from "@/lib/schemas/media";
import { startUpload } from "@/lib/server/media/uploads";

export const POST = apiRoute({
  access: "creator",
  permission: "vault:write",
  // Recorded when the upload completes ("media.upload"): an abandoned
  // session leaves nothing in the vault worth a line in the log.
  audit: false,
  body: uploadCreateSchema,
  handler: ({ access, body }) => startUpload(access, body),
});
