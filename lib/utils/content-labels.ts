// Words for every value Fanvue's reference lists for media and posts, so no
// raw enum reaches the screen. A value Fanvue adds later (our parse keeps
// enums open) reads as words until it gets a label here (`labelOf`).

export const MEDIA_TYPE_LABELS = {
  image: "Image",
  video: "Video",
  audio: "Audio",
  document: "Document",
  // Chat media whose file Fanvue cannot type (e.g. deleted from the vault).
  unknown: "Unknown type",
} as const;

export const MEDIA_STATUS_LABELS = {
  // A session was opened but the upload never completed.
  created: "Waiting for the upload",
  processing: "Processing…",
  ready: "Ready",
  error: "Processing failed",
} as const;

export const MEDIA_USAGE_LABELS = {
  subscribers: "Used for subscribers",
  followers: "Used for followers",
  ppv: "Used as PPV",
  mass_messages: "Used in mass messages",
} as const;

export const VARIANT_LABELS = {
  main: "Original",
  thumbnail: "Thumbnail",
  thumbnail_gallery: "Square thumbnail",
  blurred: "Blurred preview (what fans see before paying)",
} as const;

export const AUDIENCE_LABELS = {
  subscribers: "Subscribers",
  "followers-and-subscribers": "Followers and subscribers",
} as const;

export { labelOf } from "./labels";
