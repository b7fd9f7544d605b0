import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Route } from "@/contract/fanvue/dsl";
import * as chats from "@/contract/fanvue/routes/chats";
import * as media from "@/contract/fanvue/routes/media";
import * as posts from "@/contract/fanvue/routes/posts";
import * as vault from "@/contract/fanvue/routes/vault";
import {
  AUDIENCE_LABELS,
  labelOf,
  MEDIA_STATUS_LABELS,
  MEDIA_TYPE_LABELS,
  MEDIA_USAGE_LABELS,
  VARIANT_LABELS,
} from "./content-labels";

// Every enum value Fanvue's reference lists for media and posts (read from
// our route table, so a value added there fails here until it has words).

const LABELS: Record<string, Readonly<Record<string, string>>> = {
  mediaType: MEDIA_TYPE_LABELS,
  status: MEDIA_STATUS_LABELS,
  usage: MEDIA_USAGE_LABELS,
  variants: VARIANT_LABELS,
  variantType: VARIANT_LABELS,
  audience: AUDIENCE_LABELS,
};

/** field name → enum values, from a response or body schema. */
function enumsOf(schema: z.ZodType, out: Map<string, Set<string>>, field = "") {
  if (schema instanceof z.ZodEnum) {
    const set = out.get(field) ?? new Set<string>();
    for (const v of schema.options) set.add(String(v));
    out.set(field, set);
  } else if (schema instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(schema.shape)) enumsOf(v as z.ZodType, out, k);
  } else if (schema instanceof z.ZodArray) enumsOf(schema.element as z.ZodType, out, field);
  else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    enumsOf(schema.unwrap() as z.ZodType, out, field);
  else if (schema instanceof z.ZodUnion) for (const o of schema.options) enumsOf(o as z.ZodType, out, field);
  else if (schema instanceof z.ZodRecord) enumsOf(schema.valueType as z.ZodType, out, field);
}

function referenceEnums(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  // Granting media to a fan (its `status: granted`) is not something Vuedeck does.
  const mediaRoutes = Object.values(media).filter((r) => r !== media.grantMedia);
  const routes = [
    ...mediaRoutes,
    ...Object.values(posts),
    ...Object.values(vault),
    chats.listMedia,
    chats.getMessageMediaByUuids,
  ] as Route[];
  for (const r of routes) {
    for (const [name, p] of Object.entries(r.query))
      if (p.values) p.values.forEach((v) => (out.get(name) ?? out.set(name, new Set()).get(name)!).add(v));
    if (r.body) enumsOf(r.body, out);
    for (const s of Object.values(r.responses)) if (s) enumsOf(s, out);
  }
  return out;
}

describe("labels for the reference's media and post enums", () => {
  const enums = referenceEnums();

  it.each(Object.keys(LABELS))("%s: every value the reference lists has words", (field) => {
    const values = [...(enums.get(field) ?? [])];
    if (field !== "variants") expect(values.length, `${field} found in the reference`).toBeGreaterThan(0);
    const missing = values.filter((v) => !(v in LABELS[field]!));
    expect(missing).toEqual([]);
  });

  it("covers the values the UI shows, e.g. chat media of unknown type and abandoned uploads", () => {
    expect(enums.get("mediaType")).toContain("unknown");
    expect(labelOf(MEDIA_TYPE_LABELS, "unknown")).toBe("Unknown type");
    expect(labelOf(MEDIA_STATUS_LABELS, "created")).toBe("Waiting for the upload");
    expect(labelOf(AUDIENCE_LABELS, "followers-and-subscribers")).toBe("Followers and subscribers");
    expect(labelOf(MEDIA_TYPE_LABELS, null)).toBe("—");
    // A value Fanvue adds later reads as words, not hidden and not a code.
    expect(labelOf(MEDIA_TYPE_LABELS, "gif")).toBe("Gif");
    expect(labelOf(MEDIA_STATUS_LABELS, "in_review")).toBe("In review");
  });
});
