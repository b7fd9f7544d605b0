// Seeds what a full export must carry, straight into the database: a ledger
// and a fan roster of `n` rows per creator (generate_series), and a few rows
// of every other exported table (notes, tags, campaigns, sends, automations,
// pay, audit…), with the awkward values: fractions of a cent, null Json,
// BigInt beyond 2^53, text that a spreadsheet would run as a formula.
type Db = (typeof import("@/lib/server/db"))["db"];

export async function seedLedgerAndFans(db: Db, creatorId: string, n: number) {
  await db.$executeRaw`
    INSERT INTO "EarningRow" (id, "creatorId", "dedupeKey", "occurredAt", gross, net, currency, source, "fanUuid", "fanHandle")
    SELECT ${creatorId} || '-e' || i, ${creatorId}, 'k' || i, timestamp '2026-01-01' + i * interval '7 minutes',
           (i % 997) * 100 + 0.25, ((i % 997) * 100 + 0.25) * 0.8, 'USD',
           (ARRAY['subscription','renewal','tip','message'])[1 + i % 4], ${creatorId} || '-fan-' || (i % 300), 'fan' || (i % 300)
    FROM generate_series(1, ${n}::int) AS i`;
  await db.$executeRaw`
    INSERT INTO "AudienceFan" ("creatorId", "fanUuid", handle, "displayName", list, "seenAt", "listOrder")
    SELECT ${creatorId}, ${creatorId} || '-fan-' || i, 'fan' || i, CASE WHEN i % 50 = 0 THEN '=HYPERLINK("x")' ELSE 'Fan ' || i END,
           CASE WHEN i % 3 = 0 THEN 'followers' ELSE 'subscribers' END, now(), i
    FROM generate_series(0, ${n}::int - 1) AS i`;
  await db.$executeRaw`
    INSERT INTO "FanInsight" ("creatorId", "fanUuid", state, "totalGross", sources, "autoRenew")
    SELECT ${creatorId}, ${creatorId} || '-fan-' || i, 'ok', i * 100,
           CASE WHEN i % 2 = 0 THEN NULL ELSE jsonb_build_object('tips', i * 100) END, i % 4 = 0
    FROM generate_series(0, ${n}::int - 1, 3) AS i`;
}

async function seedFansAndChats(db: Db, creatorId: string, owner: { id: string; name: string }) {
  const fan = `${creatorId}-fan-1`;
  await db.fanNote.createMany({
    data: [
      {
        creatorId,
        fanUuid: fan,
        body: 'Likes long videos,\nasks for "custom" sets',
        authorUserId: owner.id,
        authorName: owner.name,
      },
      { creatorId, fanUuid: `${creatorId}-fan-2`, body: "=SUM(A1)", authorName: "Former member" },
    ],
  });
  await db.fanTag.createMany({
    data: ["whale", "vip", "late-night"].map((tag, i) => ({
      creatorId,
      fanUuid: `${creatorId}-fan-${i}`,
      tag,
      createdByName: owner.name,
    })),
  });
  await db.fanSegment.create({
    data: { creatorId, name: "Big spenders", kind: "min_spend", params: { minCents: 5000 }, createdByName: owner.name },
  });
}

async function seedSendsAndCampaigns(db: Db, creatorId: string, owner: { id: string; name: string }) {
  const fan = `${creatorId}-fan-1`;
  const send = await db.chatSend.create({
    data: {
      creatorId,
      fanUuid: fan,
      idempotencyKey: "s1",
      requestHash: "h",
      text: "Hi",
      price: 999,
      status: "sent",
      senderUserId: owner.id,
      senderName: owner.name,
      sentAt: new Date("2026-01-02T10:00:00Z"),
    },
  });
  await db.saleAttribution.create({
    data: {
      earningRowId: `${creatorId}-e4`,
      creatorId,
      occurredAt: new Date("2026-01-01T00:28:00Z"),
      gross: "400.25",
      net: "320.2",
      source: "message",
      fanUuid: fan,
      rule: "ppv",
      ruleUserId: owner.id,
      userId: owner.id,
      userName: owner.name,
      sendId: send.id,
    },
  });
  const campaign = await db.massCampaign.create({
    data: {
      creatorId,
      idempotencyKey: "m1",
      requestHash: "h",
      text: "New set, 50% off",
      mediaUuids: ["m-1"],
      price: 1500,
      included: { smart: ["subscribers"] },
      excluded: {},
      holdoutPercent: 10,
      status: "sent",
      recipientCount: 180,
      createdByName: owner.name,
      sentAt: new Date("2026-01-03T12:00:00Z"),
    },
  });
  await db.massCampaign.create({
    data: {
      creatorId,
      idempotencyKey: "m2",
      requestHash: "h2",
      text: "Scheduled",
      included: { custom: ["l-1"] },
      excluded: { smart: ["followers"] },
      status: "scheduled",
      scheduledAt: new Date("2027-01-01T09:00:00Z"),
      createdByName: owner.name,
    },
  });
  await db.massCampaignFan.createMany({
    data: [0, 1, 2, 3, 4].map((i) => ({ campaignId: campaign.id, fanUuid: `${creatorId}-fan-${i}`, heldOut: i === 0 })),
  });
}

async function seedCreatorSettings(
  db: Db,
  workspaceId: string,
  creatorId: string,
  owner: { id: string; name: string },
) {
  await db.syncState.create({
    data: { creatorId, stream: "earnings", status: "idle", expectedGross: 9_007_199_254_740_993n, grossDone: 12_345n },
  });
  await db.automation.create({
    data: {
      workspaceId,
      creatorId,
      name: "Welcome",
      trigger: "new_subscriber",
      triggerParams: { subscriber: "any" },
      text: "Welcome {name}!",
      timeZone: "Asia/Kolkata",
      createdByName: owner.name,
    },
  });
  await db.trackingLink.create({
    data: {
      creatorId,
      uuid: `${creatorId}-link`,
      name: "Insta bio",
      linkUrl: "fanvue.com/x?ref=1",
      platform: "instagram",
      createdAt: new Date("2025-12-01T00:00:00Z"),
      syncedAt: new Date(),
      costCents: 2500,
    },
  });
  await db.subscriberDay.create({
    data: {
      creatorId,
      day: new Date("2026-01-05"),
      subscribers: 200,
      known: 150,
      autoRenewOff: 12,
      takenAt: new Date(),
    },
  });
  await db.auditEvent.createMany({
    data: [
      {
        workspaceId,
        creatorId,
        actorUserId: owner.id,
        actorName: owner.name,
        action: "fans.note.add",
        details: { fanUuid: `${creatorId}-fan-1` },
      },
      { workspaceId, creatorId, actorName: "Vuedeck", action: "earnings.export" },
    ],
  });
}

async function seedWorkspacePay(db: Db, workspaceId: string, owner: { id: string; name: string }) {
  await db.shiftSettings.create({ data: { workspaceId, idleMinutes: 45 } });
  await db.shift.create({
    data: {
      workspaceId,
      userId: owner.id,
      userName: owner.name,
      startedAt: new Date("2026-01-02T08:00:00Z"),
      endedAt: new Date("2026-01-02T16:00:00Z"),
      lastSeenAt: new Date("2026-01-02T16:00:00Z"),
      endReason: "clock_out",
    },
  });
  await db.commissionRule.create({ data: { workspaceId, userId: owner.id, rateBps: 1000, hourlyCents: 1500 } });
  await db.payoutStatement.create({
    data: {
      workspaceId,
      userId: owner.id,
      userName: owner.name,
      periodFrom: "2026-01-01",
      periodTo: "2026-01-31",
      tz: "UTC",
      startUtc: new Date("2026-01-01T00:00:00Z"),
      endUtc: new Date("2026-02-01T00:00:00Z"),
      rateBps: 1000,
      netExact: "32020.1234",
      grossCents: 40025,
      netCents: 32020,
      commissionCents: 3202,
      minutes: 480,
      hourlyPayCents: 12000,
      totalCents: 15202,
      snapshot: { lines: [] },
      paidByUserId: owner.id,
      paidByName: owner.name,
    },
  });
}

/** Everything for one workspace: `n` ledger rows and fans per creator, a few rows of every other table. */
export async function seedExportData(
  db: Db,
  workspaceId: string,
  creatorIds: string[],
  owner: { id: string; name: string },
  n: number,
) {
  for (const creatorId of creatorIds) {
    await seedLedgerAndFans(db, creatorId, n);
    await seedFansAndChats(db, creatorId, owner);
    await seedSendsAndCampaigns(db, creatorId, owner);
    await seedCreatorSettings(db, workspaceId, creatorId, owner);
  }
  await seedWorkspacePay(db, workspaceId, owner);
}
