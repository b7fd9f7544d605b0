// Who may do what in an agency (§6): team membership, the creators a member
// can act for, and the admin gate of the /agencies/* routes.
import { forbidden } from "../http";
import type { Sandbox } from "../state";
import type { Agency, TeamMember } from "../world/types";
import type { ApiCtx } from "./registry";

export type Membership = { agency: Agency; member: TeamMember };

export function membershipOf(sb: Sandbox, userUuid: string): Membership | null {
  for (const agency of sb.world.agencies.values()) {
    const member = agency.team.find((m) => m.uuid === userUuid);
    if (member) return { agency, member };
  }
  return null;
}

/** Creators the member may act for, in the agency's order. */
export function accessibleCreators(m: Membership): string[] {
  const allowed = m.member.creatorUuids;
  return m.agency.creatorUuids.filter((u) => allowed === null || allowed.includes(u));
}

export function requireAgencyAdmin(sb: Sandbox, ctx: ApiCtx): Membership {
  const m = membershipOf(sb, ctx.account.uuid);
  if (!m || !m.member.isAdmin) throw forbidden("Agency admin access required");
  return m;
}
