// The tracking-links values client code needs at run time, without zod (./tracking-links.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

/** Fanvue's externalSocialPlatform values (contract/fanvue/routes/tracking-links.ts). */
export const TRACKING_PLATFORMS = [
  "facebook",
  "instagram",
  "other",
  "reddit",
  "snapchat",
  "tiktok",
  "twitter",
  "youtube",
] as const;

export const PLATFORM_LABELS: Record<string, string> = {
  facebook: "Facebook",
  instagram: "Instagram",
  other: "Other",
  reddit: "Reddit",
  snapchat: "Snapchat",
  tiktok: "TikTok",
  twitter: "X (Twitter)",
  youtube: "YouTube",
};

/** Fanvue caps link names at 100 characters, like its other name fields. */
export const LINK_NAME_MAX = 100;

export const COST_NOTE_MAX = 200;

/** The create form's check of a name, in trackingLinkCreateSchema's words
 * (tracking-links.test.ts holds the two to the same answers). */
export function linkNameError(name: string): string | null {
  const n = name.trim();
  if (!n) return "name is required";
  if (n.length > LINK_NAME_MAX) return `name must be at most ${LINK_NAME_MAX} characters`;
  return null;
}
