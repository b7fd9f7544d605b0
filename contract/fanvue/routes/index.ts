// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import type { Route } from "../dsl";
import * as agencies from "./agencies";
import * as audience from "./audience";
import * as chatLists from "./chat-lists";
import * as chats from "./chats";
import * as creators from "./creators";
import * as insights from "./insights";
import * as massMessages from "./mass-messages";
import * as media from "./media";
import * as other from "./other";
import * as posts from "./posts";
import * as trackingLinks from "./tracking-links";
import * as users from "./users";
import * as vault from "./vault";

/** Every operation in Fanvue's reference. */
export const ROUTES: readonly Route[] = [
  ...Object.values(agencies),
  ...Object.values(audience),
  ...Object.values(chatLists),
  ...Object.values(chats),
  ...Object.values(creators),
  ...Object.values(insights),
  ...Object.values(massMessages),
  ...Object.values(media),
  ...Object.values(other),
  ...Object.values(posts),
  ...Object.values(trackingLinks),
  ...Object.values(users),
  ...Object.values(vault),
];
