import { agencyShare, setAgencyShare as setContract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { agencyShareStatement, setAgencyShare } from "@/lib/server/payouts/agency-share";

export const GET = apiRoute(agencyShare, {
  handler: ({ access, query }) => agencyShareStatement(access, query),
});

export const PUT = apiRoute(setContract, {
  audit: "agency_share.set",
  handler: async ({ access, user, body, audit }) => {
    const r = await setAgencyShare(access, user, body);
    audit({ target: access.creator.id, creatorId: access.creator.id, details: r });
    return { rateBps: r.rateBps };
  },
});
