// §5.6 A post's tips, likes and comments (page style, newest first). Tips
// are the ledger's tip rows that reference the post, so they agree with the
// post's `tips` totals and with the earnings insights.
import { send } from "../http";
import type { Sandbox } from "../state";
import type { CreatorWorld } from "../world/types";
import { fanUserOf, iso, pageParams, paged, uuidParam } from "./common";
import { ensureLive } from "./content-common";
import { POST_READ, postOr404 } from "./posts";
import type { Api } from "./registry";

export function registerPostEngagement(api: Api, sb: Sandbox) {
  api.route("GET", "/posts/:uuid/tips", POST_READ, (ctx) => {
    const uuid = uuidParam(ctx, "uuid");
    const p = pageParams(ctx);
    const c = ctx.creator;
    postOr404(c, uuid);
    const l = c.ledger;
    const rows = l
      .rowsOfRef(uuid)
      .filter((i) => l.row(i).source === "tip")
      .reverse();
    send(
      ctx,
      200,
      paged(rows, p, (i) => ({
        user: userOf(c, l.fanIdx[i]!),
        createdAt: iso(l.at[i]!),
        gross: l.gross[i]!,
        net: l.net[i]!,
      })),
    );
  });

  api.route("GET", "/posts/:uuid/likes", POST_READ, (ctx) => {
    const uuid = uuidParam(ctx, "uuid");
    const p = pageParams(ctx);
    const c = ctx.creator;
    ensureLive(sb, c);
    const likes = [...postOr404(c, uuid).likes].sort((a, b) => b.at - a.at);
    send(
      ctx,
      200,
      paged(likes, p, (like) => ({ user: userOf(c, like.fanIdx), createdAt: iso(like.at) })),
    );
  });

  api.route("GET", "/posts/:uuid/comments", POST_READ, (ctx) => {
    const uuid = uuidParam(ctx, "uuid");
    const p = pageParams(ctx);
    const c = ctx.creator;
    const comments = [...postOr404(c, uuid).comments].sort((a, b) => b.at - a.at);
    send(
      ctx,
      200,
      paged(comments, p, (m) => {
        const u = userOf(c, m.fanIdx);
        return {
          uuid: m.uuid,
          text: m.text,
          // Comment authors carry no avatar or registration date (§5.6).
          user: u && {
            uuid: u.uuid,
            handle: u.handle,
            displayName: u.displayName,
            nickname: u.nickname,
            isTopSpender: u.isTopSpender,
          },
          createdAt: iso(m.at),
          updatedAt: null,
        };
      }),
    );
  });
}

/** Fan-less rows (and fans no longer in the audience) show `user: null`. */
const userOf = (c: CreatorWorld, fanIdx: number) =>
  fanIdx >= 0 && fanIdx < c.fans.length ? fanUserOf(c, fanIdx) : null;
