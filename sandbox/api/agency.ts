// §6 Agency model: GET /creators (the creators this token may act for) and the
// /agencies/* team routes. Aggregate data routes live in agency-data.ts and
// agency-leaderboard.ts. /agencies/* need agency admin access: the agency
// account itself or a team member with isAdmin.
import { conflict, HttpError, jsonBody, send, validation, type Router } from "../http";
import type { Sandbox } from "../state";
import { stableUuid } from "../world/random";
import type { TeamMember } from "../world/types";
import { accessibleCreators, membershipOf, requireAgencyAdmin, type Membership } from "./agency-access";
import { iso, pageParams, paged, uuidParam } from "./common";
import { registerAgencyData } from "./agency-data";
import { registerLeaderboard } from "./agency-leaderboard";
import { isUuid, type Api } from "./registry";

const roleOf = (member: TeamMember) => (member.isAdmin ? "ADMIN" : "CHATTER");

function memberView(sb: Sandbox, m: Membership) {
  const acc = sb.world.accounts.get(m.member.uuid);
  return {
    uuid: m.member.uuid,
    isAdmin: m.member.isAdmin,
    nickname: m.member.nickname,
    email: acc?.email ?? "",
    displayName: acc?.displayName ?? "",
    creatorAccess: accessibleCreators(m).map((uuid) => ({ uuid, role: roleOf(m.member) })),
  };
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
function email(value: unknown): string {
  if (typeof value !== "string" || value.length > 254 || !EMAIL_RE.test(value))
    throw validation("email must be a valid email address");
  return value.toLowerCase();
}

function nicknameField(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== "string") throw validation("nickname must be a string or null");
  if (value.trim().length === 0 || value.length > 30) throw validation("nickname must be 1 to 30 characters");
  return value;
}

const inviteCounters = new WeakMap<Sandbox, number>();

export function registerAgency(api: Api, sb: Sandbox, _open: Router) {
  // A creator (or fan) token manages nobody: an empty list rather than 403,
  // so a client can call this to tell agency mode from creator mode.
  api.route("GET", "/creators", { subject: "account" }, (ctx) => {
    const p = pageParams(ctx);
    const m = membershipOf(sb, ctx.account.uuid);
    const uuids = m ? accessibleCreators(m) : [];
    send(
      ctx,
      200,
      paged(uuids, p, (uuid) => {
        const a = sb.world.accounts.get(uuid)!;
        return {
          uuid,
          handle: a.handle,
          displayName: a.displayName,
          nickname: null,
          isTopSpender: false,
          avatarUrl: a.avatarUrl,
          registeredAt: iso(a.createdAt),
          role: roleOf(m!.member),
        };
      }),
    );
  });

  api.route("GET", "/agencies/team-members", { subject: "account" }, (ctx) => {
    const { agency } = requireAgencyAdmin(sb, ctx);
    send(
      ctx,
      200,
      agency.team.map((member) => memberView(sb, { agency, member })),
    );
  });

  api.route("PUT", "/agencies/team-members/:userId", { subject: "account" }, (ctx) => {
    const { agency } = requireAgencyAdmin(sb, ctx);
    const userId = uuidParam(ctx, "userId");
    const body = jsonBody(ctx);
    const member = agency.team.find((t) => t.uuid === userId);
    if (!member) throw new HttpError(404, { message: "Team member not found" });
    if (!("creatorUuids" in body)) throw validation("creatorUuids is required");
    let creatorUuids: string[] | null = null;
    if (body.creatorUuids !== null) {
      const list = body.creatorUuids;
      if (!Array.isArray(list) || list.some((u) => typeof u !== "string" || !isUuid(u)))
        throw validation("creatorUuids must be an array of UUIDs or null");
      if (list.length > 100) throw validation("creatorUuids must contain at most 100 items");
      const unique = [...new Set((list as string[]).map((u) => u.toLowerCase()))];
      if (unique.some((u) => !agency.creatorUuids.includes(u)))
        throw validation("creatorUuids must only contain creators of your agency");
      creatorUuids = unique;
    }
    const nickname = nicknameField(body.nickname);
    // The owner's own access is the agency itself; narrowing it would lock
    // the account out of its creators.
    if (member.uuid === agency.account.uuid && creatorUuids !== null)
      throw validation("the agency owner always has access to every creator");
    member.creatorUuids = creatorUuids;
    if (nickname !== undefined) member.nickname = nickname;
    send(ctx, 200, memberView(sb, { agency, member }));
  });

  api.route("POST", "/agencies/creator-invites", { subject: "account" }, (ctx) => {
    const { agency } = requireAgencyAdmin(sb, ctx);
    const address = email(jsonBody(ctx).email);
    const creator = [...sb.world.accounts.values()].find(
      (a) => a.kind === "creator" && a.email.toLowerCase() === address,
    );
    if (!creator) throw new HttpError(404, { message: "No creator account with that email" });
    if (agency.creatorUuids.includes(creator.uuid)) throw conflict("Creator is already managed by your agency");
    send(ctx, 200, { success: true, message: `Invitation sent to ${address}` });
  });

  api.route("POST", "/agencies/invites", { subject: "account" }, (ctx) => {
    const { agency } = requireAgencyAdmin(sb, ctx);
    const body = jsonBody(ctx);
    const address = email(body.email);
    if (body.isAdmin !== undefined && typeof body.isAdmin !== "boolean") throw validation("isAdmin must be a boolean");
    nicknameField(body.nickname);
    const existing = agency.team.some((t) => sb.world.accounts.get(t.uuid)?.email.toLowerCase() === address);
    if (existing) throw conflict("This person is already a team member");
    const n = (inviteCounters.get(sb) ?? 0) + 1;
    inviteCounters.set(sb, n);
    send(ctx, 200, {
      success: true,
      message: `Invitation sent to ${address}`,
      inviteUuid: stableUuid(sb.world.seed, `agency-invite:${n}`),
    });
  });

  registerAgencyData(api, sb);
  registerLeaderboard(api, sb);
}
