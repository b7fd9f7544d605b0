// Seeds a creator's vault (media, folders) and posts. Posts reference vault
// media; PPV post purchases in the ledger reference these posts.
import type { Rng } from "./random";
import type { Folder, Media, MediaType, MediaUsage, Post } from "./types";

const DAY = 86_400_000;
const CAPTIONS = [
  "Golden hour",
  "Behind the scenes",
  "New set",
  "Studio day",
  "Beach walk",
  "Late night",
  "Morning coffee",
  "Workout",
  "Road trip",
  "Cosplay test",
  "Voice note",
  "Rainy day",
  "City lights",
  "Outtakes",
  "Sneak peek",
];
const POST_TEXTS = [
  "New set is up! Which one is your favourite?",
  "Behind the scenes from today's shoot.",
  "Thank you for 1k likes this week!",
  "Full video unlocked for my subscribers.",
  "Sunday mood.",
  "Exclusive: the outtakes you asked for.",
  "Q&A tonight, send me your questions.",
  "A little something for my loyal fans.",
];
export const PPV_PRICES = [500, 800, 1000, 1200, 1500, 2000, 2500];
const FOLDERS = ["Sets", "Videos", "PPV", "Welcome", "Archive"];

export function seedVault(rng: Rng, start: number, anchor: number, count: number, now: number) {
  const media: Media[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    const mediaType: MediaType = r < 0.68 ? "image" : r < 0.93 ? "video" : r < 0.98 ? "audio" : "document";
    const createdAt = start + Math.floor(((i + rng.next()) / count) * (anchor - start));
    const portrait = rng.chance(0.7);
    const base = mediaType === "image" || mediaType === "video";
    const usage = new Set<MediaUsage>();
    if (rng.chance(0.6)) usage.add("subscribers");
    if (rng.chance(0.2)) usage.add("followers");
    if (rng.chance(0.3)) usage.add("ppv");
    if (rng.chance(0.25)) usage.add("mass_messages");
    const caption = rng.pick(CAPTIONS);
    media.push({
      uuid: rng.uuid(),
      name: `${mediaType === "image" ? "IMG" : mediaType === "video" ? "VID" : mediaType === "audio" ? "AUD" : "DOC"}_${String(1000 + i)}.${mediaType === "image" ? "jpg" : mediaType === "video" ? "mp4" : mediaType === "audio" ? "m4a" : "pdf"}`,
      caption: rng.chance(0.7) ? `${caption} ${i % 7 === 0 ? "✨" : ""}`.trim() : null,
      description: null,
      mediaType,
      status: "ready",
      createdAt,
      readyAt: null,
      width: base ? (portrait ? 1080 : 1920) : null,
      height: base ? (portrait ? 1350 : 1080) : null,
      lengthMs: mediaType === "video" ? rng.int(8, 600) * 1000 : mediaType === "audio" ? rng.int(5, 120) * 1000 : null,
      sizeBytes: mediaType === "video" ? rng.int(20, 900) * 1_000_000 : rng.int(200, 6000) * 1000,
      recommendedPrice: usage.has("ppv") ? rng.pick(PPV_PRICES) : null,
      usage,
      hue: rng.int(0, 359),
    });
  }
  // A few recent uploads are still processing; they turn ready a little
  // after the sandbox starts (the vault shows the transition).
  for (let k = 0; k < Math.max(1, Math.floor(count / 60)); k++) {
    const m = media[media.length - 1 - k];
    if (!m) break;
    m.status = "processing";
    m.readyAt = now + rng.int(60, 600) * 1000;
  }
  const folders: Folder[] = FOLDERS.map((name, i) => ({
    name,
    createdAt: start + i * 7 * DAY,
    mediaUuids: [],
  }));
  for (const m of media) {
    if (m.status !== "ready") continue;
    const f =
      m.mediaType === "video"
        ? folders[1]!
        : m.usage.has("ppv")
          ? folders[2]!
          : rng.chance(0.4)
            ? folders[0]!
            : rng.chance(0.1)
              ? folders[4]!
              : null;
    f?.mediaUuids.push(m.uuid);
    if (rng.chance(0.03)) folders[3]!.mediaUuids.push(m.uuid);
  }
  return { media, folders };
}

/** About three posts a week over the history, a quarter of them PPV, one
 * pinned, and a few scheduled in the coming days. */
export function seedPosts(rng: Rng, media: Media[], start: number, anchor: number): Post[] {
  const ready = media.filter((m) => m.status === "ready" && (m.mediaType === "image" || m.mediaType === "video"));
  const posts: Post[] = [];
  const make = (at: number, scheduled: boolean) => {
    const n = ready.length ? rng.int(1, Math.min(4, ready.length)) : 0;
    const mediaUuids = Array.from({ length: n }, () => rng.pick(ready).uuid).filter((u, i, a) => a.indexOf(u) === i);
    const ppv = mediaUuids.length > 0 && rng.chance(0.25);
    posts.push({
      uuid: rng.uuid(),
      createdAt: scheduled ? anchor - rng.int(1, 48) * 3_600_000 : at,
      text: rng.pick(POST_TEXTS),
      price: ppv ? rng.pick(PPV_PRICES) : null,
      audience: rng.chance(0.8) ? "subscribers" : "followers-and-subscribers",
      publishAt: scheduled ? at : null,
      publishedAt: scheduled ? null : at,
      expiresAt: null,
      mediaUuids,
      mediaPreviewUuid: ppv ? mediaUuids[0]! : null,
      isPinned: false,
      likes: [],
      comments: [],
      collections: [],
    });
  };
  for (let t = start + rng.int(0, 2) * DAY; t < anchor - 3_600_000; t += rng.int(1, 4) * DAY + rng.int(0, DAY / 2))
    make(t, false);
  for (let d = 1; d <= 4; d++) make(anchor + d * DAY + rng.int(8, 20) * 3_600_000, true);
  const published = posts.filter((p) => p.publishedAt !== null);
  if (published.length) published[published.length - 3 >= 0 ? published.length - 3 : 0]!.isPinned = true;
  return posts;
}

/** Likes and comments from the audience (likes capped per post to keep
 * 100k-fan worlds small; `likesCount` on the account is their sum). */
export function seedEngagement(rng: Rng, posts: Post[], fanCount: number, followedAt: (i: number) => number) {
  if (fanCount === 0) return;
  const COMMENTS = [
    "Love this!",
    "🔥🔥🔥",
    "Stunning",
    "More please!",
    "So good",
    "Wow",
    "Can't wait for the next one",
  ];
  for (const p of posts) {
    if (p.publishedAt === null) continue;
    const target = Math.min(400, Math.floor(fanCount * (0.02 + rng.next() * 0.08)));
    const seen = new Set<number>();
    for (let k = 0; k < target; k++) {
      const fanIdx = rng.int(0, fanCount - 1);
      if (seen.has(fanIdx) || followedAt(fanIdx) > p.publishedAt) continue;
      seen.add(fanIdx);
      p.likes.push({ fanIdx, at: p.publishedAt + rng.int(1, 72) * 3_600_000 });
    }
    p.likes.sort((a, b) => b.at - a.at);
    const comments = rng.int(0, Math.min(6, p.likes.length));
    for (let k = 0; k < comments; k++) {
      const like = p.likes[rng.int(0, p.likes.length - 1)]!;
      p.comments.push({ uuid: rng.uuid(), fanIdx: like.fanIdx, text: rng.pick(COMMENTS), at: like.at + 60_000 });
    }
    p.comments.sort((a, b) => b.at - a.at);
  }
}
