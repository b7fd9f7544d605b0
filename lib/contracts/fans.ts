import { z } from "zod";
import {
  fansQuerySchema,
  fanUuidSchema,
  forecastQuerySchema,
  noteBodySchema,
  segmentCreateSchema,
  tagSchema,
  type AnalysisView,
  type Deleted,
  type FanNoteView,
  type FanPanel,
  type FansPage,
  type FanTags,
  type Forecast,
  type ForecastDayFans,
  type RosterView,
  type SegmentView,
  type TagCount,
} from "@/lib/schemas/fans";
import { route } from "./contract";

const fanParams = z.object({ creatorId: z.string(), fanUuid: fanUuidSchema });
const noteParams = fanParams.extend({ noteId: z.string().min(1).max(40) });

/** Tags with spaces arrive percent-encoded; a malformed escape is left as is (and refused by tagSchema). */
const decoded = (t: string) => {
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
};
const tagParams = fanParams.extend({ tag: z.string().transform(decoded).pipe(tagSchema) });

const noBody = z.object({});

/** Subscribers/followers with their insights (live from Fanvue, or sorted/filtered over the analysed audience). */
export const fansList = route<FansPage>()({
  method: "GET",
  path: "/api/creators/:creatorId/fans",
  access: "creator",
  permission: "fans:read",
  query: fansQuerySchema,
});

/** The fan panel: insights with their age, notes, tags (staff views audited). */
export const fanPanel = route<FanPanel>()({
  method: "GET",
  path: "/api/creators/:creatorId/fans/:fanUuid",
  access: "creator",
  permission: "fans:read",
  params: fanParams,
});

/** Adds a note to a fan. */
export const fanNoteAdd = route<FanNoteView>()({
  method: "POST",
  path: "/api/creators/:creatorId/fans/:fanUuid/notes",
  access: "creator",
  permission: "fans:write",
  params: fanParams,
  body: noteBodySchema,
});

/** Edits a note (its author, or an owner/manager). */
export const fanNoteEdit = route<FanNoteView>()({
  method: "PATCH",
  path: "/api/creators/:creatorId/fans/:fanUuid/notes/:noteId",
  access: "creator",
  permission: "fans:write",
  params: noteParams,
  body: noteBodySchema,
});

/** Deletes a note (its author, or an owner/manager). */
export const fanNoteDelete = route<Deleted>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/fans/:fanUuid/notes/:noteId",
  access: "creator",
  permission: "fans:write",
  params: noteParams,
  body: noBody,
});

/** Tags a fan (idempotent); answers the fan's tags. */
export const fanTagAdd = route<FanTags>()({
  method: "POST",
  path: "/api/creators/:creatorId/fans/:fanUuid/tags",
  access: "creator",
  permission: "fans:write",
  params: fanParams,
  body: z.object({ tag: tagSchema }),
});

/** Removes a tag from a fan; answers the fan's tags. */
export const fanTagRemove = route<FanTags>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/fans/:fanUuid/tags/:tag",
  access: "creator",
  permission: "fans:write",
  params: tagParams,
  body: noBody,
});

/** The creator's fan tags with how many fans carry each. */
export const fanTags = route<TagCount[]>()({
  method: "GET",
  path: "/api/creators/:creatorId/fans/tags",
  access: "creator",
  permission: "fans:read",
});

/** Saved segments (named filters). */
export const fanSegments = route<SegmentView[]>()({
  method: "GET",
  path: "/api/creators/:creatorId/fans/segments",
  access: "creator",
  permission: "fans:read",
});

/** Saves a segment (409 on a duplicate name). */
export const fanSegmentCreate = route<SegmentView>()({
  method: "POST",
  path: "/api/creators/:creatorId/fans/segments",
  access: "creator",
  permission: "fans:write",
  body: segmentCreateSchema,
});

/** Deletes a saved segment. */
export const fanSegmentDelete = route<Deleted>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/fans/segments/:segmentId",
  access: "creator",
  permission: "fans:write",
  params: z.object({ creatorId: z.string(), segmentId: z.string().min(1).max(40) }),
  body: noBody,
});

/** Whole-audience analysis: progress and ETA. */
export const fanAnalysis = route<AnalysisView>()({
  method: "GET",
  path: "/api/creators/:creatorId/fans/analysis",
  access: "creator",
  permission: "fans:read",
});

/** Starts the whole-audience analysis (409 when there is nothing to analyse). */
export const fanAnalysisStart = route<AnalysisView>()({
  method: "POST",
  path: "/api/creators/:creatorId/fans/analysis",
  access: "creator",
  permission: "fans:write",
  body: noBody,
});

/** Cancels the running analysis (409 when none runs). */
export const fanAnalysisCancel = route<AnalysisView>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/fans/analysis",
  access: "creator",
  permission: "fans:write",
  body: noBody,
});

/** How fresh the fan roster is (first-sync progress; the first read starts it). */
export const fanRoster = route<RosterView>()({
  method: "GET",
  path: "/api/creators/:creatorId/fans/roster",
  access: "creator",
  permission: "fans:read",
});

/** Starts a full re-sync of the roster. */
export const fanRosterSync = route<RosterView>()({
  method: "POST",
  path: "/api/creators/:creatorId/fans/roster",
  access: "creator",
  permission: "fans:write",
  body: noBody,
});

/** Expected renewals per day for the next N days; with `?day=`, that day's fans (isForecastDay tells them apart). */
export const fanForecast = route<Forecast | ForecastDayFans>()({
  method: "GET",
  path: "/api/creators/:creatorId/fans/forecast",
  access: "creator",
  permission: "fans:read",
  query: forecastQuerySchema,
});
