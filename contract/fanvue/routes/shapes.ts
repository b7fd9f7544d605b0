// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
// Shapes several operations share.
import { z } from "zod";
import { arr, bool, dateTime, enm, int, map, nul, num, obj, opt, str, uuid } from "../dsl";

export const listTeamMembersResponseItem = obj({
  creatorAccess: arr(obj({ role: enm(["ADMIN", "CHATTER"]), uuid: uuid() })),
  displayName: str(),
  email: str(),
  isAdmin: bool(),
  nickname: nul(str()),
  uuid: uuid(),
});
export const user = obj({
  uuid: uuid(),
  handle: str(),
  displayName: str(),
  nickname: nul(str()),
  isTopSpender: bool(),
  avatarUrl: nul(str()),
  registeredAt: dateTime(),
});
export const lastMessage = obj({
  text: nul(str()),
  type: enm([
    "AUTOMATED_CANCELED",
    "AUTOMATED_NEW_FOLLOWER",
    "AUTOMATED_NEW_PURCHASE",
    "AUTOMATED_NEW_SUBSCRIBER",
    "AUTOMATED_RE_SUBSCRIBED",
    "AUTOMATED_RENEWED",
    "AUTOMATED_FIRST_MESSAGE_REPLY",
    "AUTOMATED_CHAT_MESSAGE_REPLY",
    "BROADCAST",
    "CHAT_TEXT_GENERATION",
    "CHAT_TEXT_REWRITE",
    "CHAT_TEXT_REPLY",
    "GHOST_PROMOTION",
    "MARKETING_KYC",
    "TIP",
    "LOCKED_MESSAGE_UNLOCKED",
    "VOICE_CALL",
    "SINGLE_RECIPIENT",
  ]),
  uuid: str(),
  sentAt: dateTime(),
  hasMedia: nul(bool()),
  mediaType: nul(enm(["image", "video", "audio", "document"])),
  senderUuid: uuid(),
  sentByUserId: nul(uuid()),
});
export const listChatsResponseItem = obj({
  createdAt: dateTime(),
  lastMessageAt: nul(dateTime()),
  isRead: bool(),
  isMuted: bool(),
  unreadMessagesCount: num(),
  user: user,
  lastMessage: nul(lastMessage),
});
export const getCustomListsResponseItem = obj({
  uuid: uuid(),
  name: str(),
  membersCount: num(),
  createdAt: dateTime(),
});
export const getCustomListMembersResponseItem = obj({
  uuid: uuid(),
  displayName: str(),
  handle: str(),
  isCreator: bool(),
});
export const getSmartListsResponseItem = obj({
  name: str(),
  uuid: enm([
    "subscribers",
    "auto_renewing",
    "non_renewing",
    "followers",
    "free_trial_subscribers",
    "expired_subscribers",
    "spent_more_than_50",
    "muted",
  ]),
  count: num(),
});
export const listMassMessagesResponseItem = obj({
  createdAt: nul(dateTime()),
  mediaUuids: arr(uuid()),
  price: nul(num()),
  publishedAt: nul(dateTime()),
  purchaseCount: num(),
  recipientCount: num(),
  scheduledAt: nul(dateTime()),
  status: enm(["SENT", "UNSENT", "SENDING", "FAILED", "MODERATED", "SCHEDULED"]),
  text: nul(str()),
  totalRevenue: num(),
  uuid: uuid(),
  viewCount: num(),
});
export const listTemplateMessagesResponseItem = obj({
  uuid: uuid(),
  text: nul(str()),
  price: nul(num()),
  mediaUuids: arr(uuid()),
  folderName: nul(str()),
});
export const variantsItem = obj({
  variantType: enm(["main", "thumbnail", "thumbnail_gallery", "blurred"]),
  displayPosition: num(),
  url: opt(str()),
  width: nul(num()),
  height: nul(num()),
  lengthMs: nul(num()),
});
export const listMediaResponseItem = obj({
  uuid: uuid(),
  messageUuid: uuid(),
  mediaType: enm(["image", "video", "audio", "document", "unknown"]),
  created_at: dateTime(),
  sentAt: dateTime(),
  ownerUuid: uuid(),
  name: nul(str()),
  variants: opt(arr(variantsItem)),
});
export const listMessagesResponseItem = obj({
  uuid: uuid(),
  text: nul(str()),
  sentAt: nul(dateTime()),
  sender: obj({ uuid: uuid(), handle: str() }),
  recipient: obj({ uuid: opt(uuid()), handle: opt(str()) }),
  hasMedia: nul(bool()),
  mediaType: nul(enm(["image", "video", "audio", "document"])),
  type: enm([
    "AUTOMATED_CANCELED",
    "AUTOMATED_NEW_FOLLOWER",
    "AUTOMATED_NEW_PURCHASE",
    "AUTOMATED_NEW_SUBSCRIBER",
    "AUTOMATED_RE_SUBSCRIBED",
    "AUTOMATED_RENEWED",
    "AUTOMATED_FIRST_MESSAGE_REPLY",
    "AUTOMATED_CHAT_MESSAGE_REPLY",
    "BROADCAST",
    "CHAT_TEXT_GENERATION",
    "CHAT_TEXT_REWRITE",
    "CHAT_TEXT_REPLY",
    "GHOST_PROMOTION",
    "MARKETING_KYC",
    "TIP",
    "LOCKED_MESSAGE_UNLOCKED",
    "VOICE_CALL",
    "SINGLE_RECIPIENT",
  ]),
  pricing: nul(obj({ USD: obj({ price: num() }) })),
  purchasedAt: nul(dateTime()),
  isRead: bool(),
  mediaUuids: arr(uuid()),
  sentByUserId: nul(uuid()),
});
export const errorsItem = obj({ code: enm(["NOT_IN_MESSAGE", "INTERNAL"]), mediaUuid: uuid(), message: str() });
export const variantsItem2 = obj({
  displayPosition: num(),
  height: nul(num()),
  lengthMs: nul(num()),
  url: opt(str()),
  variantType: enm(["main", "thumbnail", "thumbnail_gallery", "blurred"]),
  width: nul(num()),
});
export const resultsEntry = obj({
  created_at: nul(dateTime()),
  mediaType: enm(["image", "video", "audio", "document", "unknown"]),
  messageUuid: uuid(),
  name: nul(str()),
  ownerUuid: uuid(),
  sentAt: nul(dateTime()),
  uuid: uuid(),
  variants: opt(arr(variantsItem2)),
});
export const listCollectionsResponseItem = obj({ createdAt: nul(dateTime()), label: str(), uuid: uuid() });
export const earnings = obj({ availableBalance: num(), lastPayoutAt: nul(dateTime()), total: num() });
export const account = obj({
  earnings: earnings,
  fans: obj({ followers: num(), subscribers: num() }),
  status: enm(["active", "suspended"]),
});
export const user2 = obj({
  uuid: uuid(),
  handle: str(),
  displayName: str(),
  nickname: nul(str()),
  isTopSpender: bool(),
});
export const getCreatorEarningsResponseItem = obj({
  date: str(),
  gross: num(),
  net: num(),
  currency: nul(str()),
  source: enm([
    "all",
    "affiliate",
    "mediaLink",
    "message",
    "post",
    "referral",
    "renewal",
    "subscription",
    "tip",
    "giveaway",
    "appStore",
    "checkoutLink",
  ]),
  user: nul(user2),
  messageUuid: opt(uuid()),
  postUuid: opt(uuid()),
  transactionOrderId: str(),
  transactionOrderStatus: enm(["availableForPayout", "pendingBalance"]),
});
export const averageByDayOfWeek = obj({
  "1": num(),
  "2": num(),
  "3": num(),
  "4": num(),
  "5": num(),
  "6": num(),
  "7": num(),
});
export const breakdownBySource = obj({
  messages: obj({ gross: num(), net: num() }),
  other: obj({ gross: num(), net: num() }),
  posts: obj({ gross: num(), net: num() }),
  referrals: obj({ gross: num(), net: num() }),
  renewals: obj({ gross: num(), net: num() }),
  subs: obj({ gross: num(), net: num() }),
  tips: obj({ gross: num(), net: num() }),
});
export const earningsByType = obj({
  messages: obj({ gross: num(), net: num() }),
  renewals: obj({ gross: num(), net: num() }),
  subs: obj({ gross: num(), net: num() }),
  tips: obj({ gross: num(), net: num() }),
});
export const overTimeItem = obj({ gross: num(), net: num(), periodStart: dateTime() });
export const period = obj({
  endDate: nul(str()),
  granularity: enm(["day", "week"]),
  startDate: nul(str()),
  timezone: str(),
});
export const thisMonth = obj({
  gross: num(),
  grossChangePercentage: nul(num()),
  net: num(),
  netChangePercentage: nul(num()),
  previousMonthGross: num(),
  previousMonthNet: num(),
});
export const getCreatorSubscribersResponseItem = obj({
  date: dateTime(),
  total: num(),
  newSubscribersCount: num(),
  cancelledSubscribersCount: num(),
});
export const getCreatorTopSpendersResponseItem = obj({ gross: num(), net: num(), messages: num(), user: user });
export const tags = obj({
  bodyParts: arr(str()),
  bodyType: arr(str()),
  description: nul(str()),
  hairColor: arr(str()),
  importantTags: arr(str()),
  isNsfw: bool(),
  mediaType: enm(["image", "video"]),
  nsfwCategory: arr(str()),
  otherTags: arr(str()),
  people: arr(str()),
  position: arr(str()),
  setting: arr(str()),
  sexActs: arr(str()),
  sexObjects: arr(str()),
  skinColor: arr(str()),
  tags: arr(str()),
});
export const variantsItem3 = obj({
  displayPosition: num(),
  height: nul(num()),
  lengthMs: nul(num()),
  url: opt(str()),
  uuid: uuid(),
  variantType: enm(["blurred", "main", "thumbnail", "thumbnail_gallery"]),
  width: nul(num()),
});
export const getCreatorMediaResponseItemVariant1 = obj({
  caption: nul(str()),
  createdAt: nul(dateTime()),
  description: nul(str()),
  mediaType: enm(["image", "video", "audio", "document"]),
  name: nul(str()),
  purchasedByFan: opt(bool()),
  recommendedPrice: nul(num()),
  status: enm(["created", "processing", "ready", "error"]),
  tags: opt(nul(tags)),
  url: opt(str()),
  uuid: uuid(),
  variants: opt(arr(variantsItem3)),
});
export const originator = obj({
  avatarUrl: nul(str()),
  displayName: str(),
  handle: str(),
  isCreator: bool(),
  uuid: uuid(),
});
export const listCreatorNotificationsResponseItem = obj({
  createdAt: dateTime(),
  data: map(nul(z.unknown())),
  eventType: int(),
  isRead: bool(),
  originator: nul(originator),
  receiverUuid: uuid(),
  uuid: uuid(),
});
export const tips = obj({ count: num(), totalGross: num(), totalNet: num() });
export const getCreatorPostsResponseItem = obj({
  audience: enm(["subscribers", "followers-and-subscribers"]),
  collections: arr(obj({ label: str(), uuid: uuid() })),
  commentsCount: num(),
  createdAt: dateTime(),
  expiresAt: nul(dateTime()),
  isPinned: bool(),
  likesCount: num(),
  mediaPreviewUuid: nul(uuid()),
  mediaUuids: arr(uuid()),
  price: nul(num()),
  publishAt: nul(dateTime()),
  publishedAt: nul(dateTime()),
  text: nul(str()),
  tips: tips,
  uuid: uuid(),
});
export const user3 = obj({
  displayName: str(),
  handle: str(),
  isTopSpender: bool(),
  nickname: nul(str()),
  uuid: uuid(),
});
export const engagement = obj({
  acquiredFollowers: num(),
  acquiredSubscribers: num(),
  totalFollowers: num(),
  totalSubscribers: num(),
});
export const listCreatorTrackingLinksResponseItem = obj({
  uuid: uuid(),
  name: str(),
  linkUrl: str(),
  externalSocialPlatform: enm(["facebook", "instagram", "other", "reddit", "snapchat", "tiktok", "twitter", "youtube"]),
  createdAt: dateTime(),
  clicks: num(),
  earnings: nul(obj({ totalGross: num(), totalNet: num() })),
  engagement: engagement,
});
export const listCreatorTrackingLinkUsersResponseItem = obj({
  avatarUrl: nul(str()),
  displayName: str(),
  handle: str(),
  isTopSpender: bool(),
  nickname: nul(str()),
  registeredAt: dateTime(),
  status: nul(enm(["subscriber", "follower", "expired", "deleted"])),
  uuid: uuid(),
});
export const listCreatorVaultFoldersResponseItem = obj({ createdAt: nul(dateTime()), mediaCount: num(), name: str() });
export const spending = obj({
  lastPurchaseAt: nul(dateTime()),
  maxSinglePayment: obj({ gross: num(), total: num() }),
  sources: map(obj({ gross: num(), total: num() })),
  total: obj({ gross: num(), total: num() }),
});
export const subscription = obj({ autoRenewalEnabled: bool(), createdAt: nul(dateTime()), renewsAt: nul(dateTime()) });
export const getPostsResponseItem = obj({
  uuid: uuid(),
  createdAt: dateTime(),
  text: nul(str()),
  price: nul(num()),
  audience: enm(["subscribers", "followers-and-subscribers"]),
  publishAt: nul(dateTime()),
  publishedAt: nul(dateTime()),
  expiresAt: nul(dateTime()),
  mediaUuids: arr(uuid()),
  isPinned: bool(),
  likesCount: num(),
  commentsCount: num(),
  tips: tips,
  collections: arr(obj({ label: str(), uuid: uuid() })),
  mediaPreviewUuid: nul(uuid()),
});
export const listVaultFoldersResponseItem = obj({ name: str(), createdAt: dateTime(), mediaCount: num() });
