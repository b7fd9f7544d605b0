import { uploadComplete } from "@/lib/contracts/media";
import { apiRoute } from "@/lib/server/api/route";
import { finishUpload } from "@/lib/server/media/uploads";

export const PATCH = apiRoute(uploadComplete, {
  audit: "media.upload",
  // Up to 10,000 parts × an ETag of up to 200 characters ≈ 2.3 MB of JSON.
  maxBodyBytes: 3 * 1024 * 1024,
  handler: async ({ access, params, body, audit }) => {
    const result = await finishUpload(access, params.uploadId, body);
    audit({ target: body.name ?? body.mediaUuid, details: { mediaUuid: body.mediaUuid, parts: body.parts.length } });
    return result;
  },
});
