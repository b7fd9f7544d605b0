-- AlterTable
ALTER TABLE "ChatSend" ADD COLUMN     "unlocked" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PerformanceDay" (
    "creatorId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT,
    "gross" DECIMAL(16,4) NOT NULL DEFAULT 0,
    "net" DECIMAL(16,4) NOT NULL DEFAULT 0,
    "sales" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "ppvs" INTEGER NOT NULL DEFAULT 0,
    "ppvsUnlocked" INTEGER NOT NULL DEFAULT 0,
    "massMessages" INTEGER NOT NULL DEFAULT 0,
    "replyMs" BIGINT[] DEFAULT ARRAY[]::BIGINT[],

    CONSTRAINT "PerformanceDay_pkey" PRIMARY KEY ("creatorId","day","userId")
);

-- CreateTable
CREATE TABLE "MemberFanDays" (
    "creatorId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "firstDay" DATE NOT NULL,
    "lastDay" DATE NOT NULL,
    "days" datemultirange NOT NULL,

    CONSTRAINT "MemberFanDays_pkey" PRIMARY KEY ("creatorId","userId","fanUuid")
);

-- CreateTable
CREATE TABLE "FanPairEnds" (
    "creatorId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "userId" TEXT NOT NULL,
    "firsts" INTEGER NOT NULL DEFAULT 0,
    "lasts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FanPairEnds_pkey" PRIMARY KEY ("creatorId","day","userId")
);

-- CreateTable
CREATE TABLE "FanPairGap" (
    "creatorId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "gapFrom" DATE NOT NULL,
    "gap" daterange NOT NULL,

    CONSTRAINT "FanPairGap_pkey" PRIMARY KEY ("creatorId","userId","fanUuid","gapFrom")
);

-- CreateIndex
CREATE INDEX "FanPairGap_gap_idx" ON "FanPairGap" USING GIST ("gap" range_ops);

-- ─── Triggers that keep the rollups (prisma/schema/agency.prisma) ────────────
-- Statement-level with transition tables: a bulk attribution of 40,000 sales
-- is one aggregated upsert, not 40,000. Each trigger turns the rows a
-- statement touched into signed deltas (new rows +1, old rows -1), so an
-- insert, an update (a reassignment, a send going out) and a delete are one
-- code path. Upserts go in key order so concurrent statements cannot deadlock.

-- The rows of this statement with a sign: +1 for new rows, -1 for old ones.
CREATE FUNCTION "vd_signed_rows"(op text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE op
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o' END
$$;

-- Sales: revenue and count per creator, member and UTC day; a PPV is
-- "unlocked" while a ppv attribution names its send.
CREATE FUNCTION "vd_rollup_sales"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    WITH d AS (%s)
    INSERT INTO "PerformanceDay" ("creatorId", day, "userId", name, gross, net, sales)
    SELECT "creatorId", "occurredAt"::date, COALESCE("userId", ''), max("userName") FILTER (WHERE sign > 0),
           sum(sign * gross), sum(sign * net), sum(sign)
    FROM d
    GROUP BY 1, 2, 3
    HAVING sum(sign) <> 0 OR sum(sign * gross) <> 0 OR sum(sign * net) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT ("creatorId", day, "userId") DO UPDATE SET
      name = COALESCE(EXCLUDED.name, "PerformanceDay".name),
      gross = "PerformanceDay".gross + EXCLUDED.gross,
      net = "PerformanceDay".net + EXCLUDED.net,
      sales = "PerformanceDay".sales + EXCLUDED.sales$q$, "vd_signed_rows"(TG_OP));
  EXECUTE format($q$
    WITH d AS (%s)
    UPDATE "ChatSend" cs SET unlocked = x.u
    FROM (
      SELECT s.id, EXISTS (SELECT 1 FROM "SaleAttribution" a WHERE a."sendId" = s.id AND a.rule = 'ppv') AS u
      FROM (SELECT DISTINCT "sendId" AS id FROM d WHERE "sendId" IS NOT NULL AND rule = 'ppv') s
      ORDER BY s.id
    ) x
    WHERE cs.id = x.id AND cs.unlocked IS DISTINCT FROM x.u$q$, "vd_signed_rows"(TG_OP));
  RETURN NULL;
END
$$;

-- Chat sends: messages, PPVs and unlocked PPVs per UTC day of sending, and
-- the days each member wrote to each fan. Only sends that went out count.
CREATE FUNCTION "vd_rollup_sends"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counted text := $c$SELECT "creatorId", COALESCE("senderUserId", '') AS uid, "fanUuid", "sentAt"::date AS day
                     FROM %s WHERE status = 'sent' AND "sentAt" IS NOT NULL$c$;
  added text;
  removed text;
BEGIN
  EXECUTE format($q$
    WITH d AS (%s)
    INSERT INTO "PerformanceDay" ("creatorId", day, "userId", name, messages, ppvs, "ppvsUnlocked")
    SELECT "creatorId", "sentAt"::date, COALESCE("senderUserId", ''), max("senderName") FILTER (WHERE sign > 0),
           sum(sign), sum(sign * (price IS NOT NULL)::int), sum(sign * (price IS NOT NULL AND unlocked)::int)
    FROM d
    WHERE status = 'sent' AND "sentAt" IS NOT NULL
    GROUP BY 1, 2, 3
    HAVING sum(sign) <> 0 OR sum(sign * (price IS NOT NULL)::int) <> 0
        OR sum(sign * (price IS NOT NULL AND unlocked)::int) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT ("creatorId", day, "userId") DO UPDATE SET
      name = COALESCE(EXCLUDED.name, "PerformanceDay".name),
      messages = "PerformanceDay".messages + EXCLUDED.messages,
      ppvs = "PerformanceDay".ppvs + EXCLUDED.ppvs,
      "ppvsUnlocked" = "PerformanceDay"."ppvsUnlocked" + EXCLUDED."ppvsUnlocked"$q$, "vd_signed_rows"(TG_OP));
  -- First replies: the day's sorted waits gain the new values and lose the
  -- old ones (a multiset difference); the counts above created the row.
  EXECUTE format($q$
    WITH d AS (%s),
    w AS (
      SELECT "creatorId", "sentAt"::date AS day, COALESCE("senderUserId", '') AS uid,
             array_agg((extract(epoch FROM "sentAt" - "waitingSince") * 1000)::bigint
                       ORDER BY "sentAt" - "waitingSince") FILTER (WHERE sign > 0)
               AS adds,
             array_agg((extract(epoch FROM "sentAt" - "waitingSince") * 1000)::bigint
                       ORDER BY "sentAt" - "waitingSince") FILTER (WHERE sign < 0)
               AS rems
      FROM d
      WHERE status = 'sent' AND "sentAt" IS NOT NULL AND "waitingSince" IS NOT NULL
      GROUP BY 1, 2, 3
    )
    UPDATE "PerformanceDay" p SET "replyMs" = ARRAY(
      SELECT x FROM ((SELECT unnest(p."replyMs") UNION ALL SELECT unnest(w.adds)) EXCEPT ALL SELECT unnest(w.rems)) s(x)
      ORDER BY x)
    FROM w
    WHERE p."creatorId" = w."creatorId" AND p.day = w.day AND p."userId" = w.uid
      AND w.adds IS DISTINCT FROM w.rems$q$, "vd_signed_rows"(TG_OP));

  added := CASE TG_OP
    WHEN 'INSERT' THEN format(counted, 'new_rows')
    WHEN 'UPDATE' THEN format(counted, 'new_rows') || ' EXCEPT ' || format(counted, 'old_rows') END;
  removed := CASE TG_OP
    WHEN 'DELETE' THEN format(counted, 'old_rows')
    WHEN 'UPDATE' THEN format(counted, 'old_rows') || ' EXCEPT ' || format(counted, 'new_rows') END;
  IF added IS NOT NULL THEN
    EXECUTE format($q$
      INSERT INTO "MemberFanDays" ("creatorId", "userId", "fanUuid", "firstDay", "lastDay", days)
      SELECT "creatorId", uid, "fanUuid", min(day), max(day), range_agg(daterange(day, day + 1))
      FROM (%s) a
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3
      ON CONFLICT ("creatorId", "userId", "fanUuid") DO UPDATE SET
        "firstDay" = LEAST("MemberFanDays"."firstDay", EXCLUDED."firstDay"),
        "lastDay" = GREATEST("MemberFanDays"."lastDay", EXCLUDED."lastDay"),
        days = "MemberFanDays".days + EXCLUDED.days
      WHERE NOT "MemberFanDays".days @> EXCLUDED.days$q$, added);
  END IF;
  IF removed IS NOT NULL THEN
    -- A day may still have other sends: rebuild those pairs from the sends left.
    EXECUTE format($q$
      WITH pairs AS (SELECT DISTINCT "creatorId", uid, "fanUuid" FROM (%s) r),
      left_ AS (
        SELECT p."creatorId", p.uid, p."fanUuid", min(cs."sentAt"::date) AS f, max(cs."sentAt"::date) AS l,
               range_agg(daterange(cs."sentAt"::date, cs."sentAt"::date + 1)) AS days
        FROM pairs p
        LEFT JOIN "ChatSend" cs ON cs."creatorId" = p."creatorId" AND cs."fanUuid" = p."fanUuid"
          AND COALESCE(cs."senderUserId", '') = p.uid AND cs.status = 'sent' AND cs."sentAt" IS NOT NULL
        GROUP BY 1, 2, 3
      ),
      gone AS (
        DELETE FROM "MemberFanDays" m USING left_ x
        WHERE x.f IS NULL AND m."creatorId" = x."creatorId" AND m."userId" = x.uid AND m."fanUuid" = x."fanUuid"
      )
      UPDATE "MemberFanDays" m SET "firstDay" = x.f, "lastDay" = x.l, days = x.days
      FROM left_ x
      WHERE x.f IS NOT NULL AND m."creatorId" = x."creatorId" AND m."userId" = x.uid AND m."fanUuid" = x."fanUuid"$q$,
      removed);
  END IF;
  RETURN NULL;
END
$$;

-- A chat's first and last days (FanPairEnds) and the holes between its days
-- (FanPairGap), from what a statement changed in MemberFanDays.
CREATE FUNCTION "vd_rollup_fan_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    WITH d AS (%s),
    ends AS (
      SELECT "creatorId", "firstDay" AS day, "userId", sign AS firsts, 0 AS lasts FROM d
      UNION ALL
      SELECT "creatorId", "lastDay", "userId", 0, sign FROM d
    )
    INSERT INTO "FanPairEnds" ("creatorId", day, "userId", firsts, lasts)
    SELECT "creatorId", day, "userId", sum(firsts), sum(lasts)
    FROM ends
    GROUP BY 1, 2, 3
    HAVING sum(firsts) <> 0 OR sum(lasts) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT ("creatorId", day, "userId") DO UPDATE SET
      firsts = "FanPairEnds".firsts + EXCLUDED.firsts,
      lasts = "FanPairEnds".lasts + EXCLUDED.lasts$q$, "vd_signed_rows"(TG_OP));
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "FanPairGap" g USING old_rows o
    WHERE g."creatorId" = o."creatorId" AND g."userId" = o."userId" AND g."fanUuid" = o."fanUuid";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "FanPairGap" ("creatorId", "userId", "fanUuid", "gapFrom", gap)
    SELECT n."creatorId", n."userId", n."fanUuid", lower(g), g
    FROM new_rows n, unnest(datemultirange(range_merge(n.days)) - n.days) g
    ORDER BY 1, 2, 3, 4;
  END IF;
  RETURN NULL;
END
$$;

-- Mass messages: one per campaign that went out, to its author's day.
CREATE FUNCTION "vd_rollup_mass"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    WITH d AS (%s)
    INSERT INTO "PerformanceDay" ("creatorId", day, "userId", name, "massMessages")
    SELECT "creatorId", "sentAt"::date, COALESCE("createdByUserId", ''),
           max("createdByName") FILTER (WHERE sign > 0), sum(sign)
    FROM d
    WHERE status = 'sent' AND "sentAt" IS NOT NULL
    GROUP BY 1, 2, 3
    HAVING sum(sign) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT ("creatorId", day, "userId") DO UPDATE SET
      name = COALESCE(EXCLUDED.name, "PerformanceDay".name),
      "massMessages" = "PerformanceDay"."massMessages" + EXCLUDED."massMessages"$q$, "vd_signed_rows"(TG_OP));
  RETURN NULL;
END
$$;

-- Existing rows, before the triggers exist.
UPDATE "ChatSend" cs SET unlocked = true
WHERE EXISTS (SELECT 1 FROM "SaleAttribution" a WHERE a."sendId" = cs.id AND a.rule = 'ppv');

INSERT INTO "PerformanceDay" ("creatorId", day, "userId", name, gross, net, sales, messages, ppvs, "ppvsUnlocked",
  "massMessages")
SELECT "creatorId", day, uid, max(name), sum(gross), sum(net), sum(sales), sum(messages), sum(ppvs), sum(unl), sum(mass)
FROM (
  SELECT "creatorId", "occurredAt"::date AS day, COALESCE("userId", '') AS uid, "userName" AS name, gross, net,
         1 AS sales, 0 AS messages, 0 AS ppvs, 0 AS unl, 0 AS mass
  FROM "SaleAttribution"
  UNION ALL
  SELECT "creatorId", "sentAt"::date, COALESCE("senderUserId", ''), "senderName", 0, 0, 0, 1,
         (price IS NOT NULL)::int, (price IS NOT NULL AND unlocked)::int, 0
  FROM "ChatSend" WHERE status = 'sent' AND "sentAt" IS NOT NULL
  UNION ALL
  SELECT "creatorId", "sentAt"::date, COALESCE("createdByUserId", ''), "createdByName", 0, 0, 0, 0, 0, 0, 1
  FROM "MassCampaign" WHERE status = 'sent' AND "sentAt" IS NOT NULL
) x
GROUP BY 1, 2, 3;

INSERT INTO "MemberFanDays" ("creatorId", "userId", "fanUuid", "firstDay", "lastDay", days)
SELECT "creatorId", COALESCE("senderUserId", ''), "fanUuid", min("sentAt"::date), max("sentAt"::date),
       range_agg(daterange("sentAt"::date, "sentAt"::date + 1))
FROM "ChatSend" WHERE status = 'sent' AND "sentAt" IS NOT NULL
GROUP BY 1, 2, 3;

UPDATE "PerformanceDay" p SET "replyMs" = w.ms
FROM (
  SELECT "creatorId", "sentAt"::date AS day, COALESCE("senderUserId", '') AS uid,
         array_agg((extract(epoch FROM "sentAt" - "waitingSince") * 1000)::bigint ORDER BY "sentAt" - "waitingSince") AS ms
  FROM "ChatSend" WHERE status = 'sent' AND "sentAt" IS NOT NULL AND "waitingSince" IS NOT NULL
  GROUP BY 1, 2, 3
) w
WHERE p."creatorId" = w."creatorId" AND p.day = w.day AND p."userId" = w.uid;

INSERT INTO "FanPairEnds" ("creatorId", day, "userId", firsts, lasts)
SELECT "creatorId", day, "userId", sum(f), sum(l)
FROM (
  SELECT "creatorId", "firstDay" AS day, "userId", 1 AS f, 0 AS l FROM "MemberFanDays"
  UNION ALL
  SELECT "creatorId", "lastDay", "userId", 0, 1 FROM "MemberFanDays"
) x
GROUP BY 1, 2, 3;

INSERT INTO "FanPairGap" ("creatorId", "userId", "fanUuid", "gapFrom", gap)
SELECT m."creatorId", m."userId", m."fanUuid", lower(g), g
FROM "MemberFanDays" m, unnest(datemultirange(range_merge(m.days)) - m.days) g;

CREATE TRIGGER "SaleAttribution_rollup_ins" AFTER INSERT ON "SaleAttribution"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_sales"();
CREATE TRIGGER "SaleAttribution_rollup_upd" AFTER UPDATE ON "SaleAttribution"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_sales"();
CREATE TRIGGER "SaleAttribution_rollup_del" AFTER DELETE ON "SaleAttribution"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_sales"();

CREATE TRIGGER "ChatSend_rollup_ins" AFTER INSERT ON "ChatSend"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_sends"();
CREATE TRIGGER "ChatSend_rollup_upd" AFTER UPDATE ON "ChatSend"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_sends"();
CREATE TRIGGER "ChatSend_rollup_del" AFTER DELETE ON "ChatSend"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_sends"();

CREATE TRIGGER "MassCampaign_rollup_ins" AFTER INSERT ON "MassCampaign"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_mass"();
CREATE TRIGGER "MassCampaign_rollup_upd" AFTER UPDATE ON "MassCampaign"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_mass"();
CREATE TRIGGER "MassCampaign_rollup_del" AFTER DELETE ON "MassCampaign"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_mass"();

CREATE TRIGGER "MemberFanDays_rollup_ins" AFTER INSERT ON "MemberFanDays"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_fan_days"();
CREATE TRIGGER "MemberFanDays_rollup_upd" AFTER UPDATE ON "MemberFanDays"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_fan_days"();
CREATE TRIGGER "MemberFanDays_rollup_del" AFTER DELETE ON "MemberFanDays"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_fan_days"();
