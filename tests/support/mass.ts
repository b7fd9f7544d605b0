// The fields every MassCampaign row written by a test shares (a campaign to subscribers, by Luna).
export const campaignBase = (creatorId: string) => ({
  creatorId,
  requestHash: "h",
  included: { smart: ["subscribers"], custom: [] },
  excluded: { smart: [], custom: [] },
  createdByName: "Luna",
  mediaUuids: [] as string[],
});
