import { uploadPartUrl } from "@/lib/contracts/media";
import { apiRoute } from "@/lib/server/api/route";
import { partUploadUrl } from "@/lib/server/media/uploads";

export const GET = apiRoute(uploadPartUrl, {
  handler: ({ access, params }) => partUploadUrl(access, params.uploadId, params.partNumber),
});
