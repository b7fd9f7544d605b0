import { uploadStart } from "@/lib/contracts/media";
import { apiRoute } from "@/lib/server/api/route";
import { startUpload } from "@/lib/server/media/uploads";

export const POST = apiRoute(uploadStart, {
  // Recorded when the upload completes ("media.upload"): an abandoned
  // session leaves nothing in the vault worth a line in the log.
  audit: false,
  handler: ({ access, body }) => startUpload(access, body),
});
