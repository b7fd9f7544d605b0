// §5.1 Users: GET /users/me.
import { send } from "../http";
import type { Sandbox } from "../state";
import { audienceCounts, contentCounts } from "../world/queries";
import type { Api } from "./registry";

export function registerUsers(api: Api, sb: Sandbox) {
  api.route("GET", "/users/me", { subject: "account" }, (ctx) => {
    const a = ctx.account;
    const creator = sb.world.creators.get(a.uuid);
    const iso = (ms: number) => new Date(ms).toISOString();
    send(ctx, 200, {
      uuid: a.uuid,
      email: a.email,
      handle: a.handle,
      bio: a.bio,
      displayName: a.displayName,
      isCreator: Boolean(creator),
      createdAt: iso(a.createdAt),
      updatedAt: null,
      avatarUrl: a.avatarUrl,
      bannerUrl: a.bannerUrl,
      // Optional and not nullable in the reference: absent for non-creators.
      ...(creator
        ? { likesCount: creator.likesCount, fanCounts: audienceCounts(creator), contentCounts: contentCounts(creator) }
        : {}),
    });
  });
}
