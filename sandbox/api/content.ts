// Content (§5.6 posts, §5.9 media and uploads, §5.10 vault folders, §5.11
// tracking links), self routes and their §6 creator-scoped mirrors, plus the
// signed media/upload URLs and admin switches served on the open router.
import type { Router } from "../http";
import type { Sandbox } from "../state";
import { ensureLive } from "./content-common";
import { registerMedia } from "./media";
import { registerMediaFiles } from "./media-serve";
import { registerPosts } from "./posts";
import { registerPostEngagement } from "./posts-engagement";
import type { Api } from "./registry";
import { registerTrackingLinks } from "./tracking-links";
import { registerUploads } from "./uploads";
import { registerVault } from "./vault";

export function registerContent(api: Api, sb: Sandbox, open: Router) {
  // Before any request: processing media and scheduled posts follow the
  // sandbox clock for every reader, including /users/me.
  for (const c of sb.world.creators.values()) ensureLive(sb, c);
  // Literal `/media/uploads…` routes differ from `/media/:uuid` by method or
  // depth, so registration order does not matter here.
  registerPosts(api, sb);
  registerPostEngagement(api, sb);
  registerMedia(api, sb);
  registerUploads(api, sb, open);
  registerVault(api, sb);
  registerTrackingLinks(api, sb);
  registerMediaFiles(open, sb);
}
