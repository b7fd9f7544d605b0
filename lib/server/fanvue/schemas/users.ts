// server-only-exempt: Fanvue's reference types, shared with the sandbox (sandbox/api) and the benches, which run outside Next.js.
import { z } from "zod";

// GET /users/me (contract §5.1). Objects are loose: unknown fields pass
// through untouched, optional/nullable ones default so the UI never sees
// `undefined` where it expects a value.
export const meSchema = z.looseObject({
  uuid: z.string(),
  handle: z.string(),
  displayName: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  email: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  bio: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  isCreator: z.boolean().default(false),
  avatarUrl: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  bannerUrl: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  likesCount: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? null),
  fanCounts: z
    .looseObject({ followersCount: z.number().int(), subscribersCount: z.number().int() })
    .nullish()
    .transform((v) => v ?? null),
  contentCounts: z
    .looseObject({
      imageCount: z.number().int().default(0),
      videoCount: z.number().int().default(0),
      audioCount: z.number().int().default(0),
      postCount: z.number().int().default(0),
      payToViewPostCount: z.number().int().default(0),
    })
    .nullish()
    .transform((v) => v ?? null),
});

export type FanvueMe = z.infer<typeof meSchema>;
