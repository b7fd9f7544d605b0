-- CreateTable
CREATE TABLE "FanLedgerSummary" (
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "firstPaidAt" TIMESTAMP(3) NOT NULL,
    "firstSubAt" TIMESTAMP(3),
    "subMonths" INTEGER[],
    "subEdges" TIMESTAMP(3)[],
    "subFirst" INTEGER,
    "subMask" BIGINT,
    "renewals" INTEGER NOT NULL,
    "value" DECIMAL(16,4)[],
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FanLedgerSummary_pkey" PRIMARY KEY ("creatorId","fanUuid")
);

-- CreateTable
CREATE TABLE "FanCohortHour" (
    "creatorId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "fans" INTEGER NOT NULL,
    "subscribed" INTEGER NOT NULL,
    "renewed" INTEGER NOT NULL,
    "v7" DECIMAL(20,4) NOT NULL,
    "v14" DECIMAL(20,4) NOT NULL,
    "v30" DECIMAL(20,4) NOT NULL,
    "v60" DECIMAL(20,4) NOT NULL,
    "v90" DECIMAL(20,4) NOT NULL,
    "v120" DECIMAL(20,4) NOT NULL,
    "v150" DECIMAL(20,4) NOT NULL,
    "v180" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "FanCohortHour_pkey" PRIMARY KEY ("creatorId","hour")
);

-- CreateIndex
CREATE INDEX "FanLedgerSummary_creatorId_firstPaidAt_idx" ON "FanLedgerSummary"("creatorId", "firstPaidAt");

-- CreateIndex
CREATE INDEX "FanLedgerSummary_creatorId_subFirst_subMask_idx" ON "FanLedgerSummary"("creatorId", "subFirst", "subMask");

-- ─── Kept by a statement trigger on EarningRow ───────────────────────────────
-- The trigger recomputes, from the ledger, the summary of every (creator, fan)
-- a statement touched: an insert, an update (a row's fan or amount fixed by a
-- re-sync) and a delete are one code path, and the summary cannot drift.
-- A recompute reads the fan's rows as committed, so two transactions writing
-- the same creator's ledger at once could each miss the other's rows: the
-- trigger first takes a transaction lock per creator (few keys, taken in
-- order; ledger writes are short page transactions), and computes in a new
-- statement, whose snapshot sees what the lock's previous holder committed.

CREATE FUNCTION "vd_refresh_fan_ledger"(creators text[], fans text[]) RETURNS void LANGUAGE sql AS $$
  WITH k AS (
    SELECT DISTINCT c AS "creatorId", f AS "fanUuid" FROM unnest(creators, fans) AS u(c, f) WHERE f IS NOT NULL
  ),
  rows AS (
    SELECT e."creatorId", e."fanUuid", e."occurredAt" AS at, e.net, e.gross > 0 AS paid,
           e.gross > 0 AND e.source IN ('subscription', 'renewal') AS sub,
           e.gross > 0 AND e.source = 'renewal' AS renewal,
           e."occurredAt" >= date_trunc('month', e."occurredAt") + interval '14 hours'
             AND e."occurredAt" < date_trunc('month', e."occurredAt") + interval '1 month' - interval '14 hours' AS interior
    FROM k JOIN "EarningRow" e ON e."creatorId" = k."creatorId" AND e."fanUuid" = k."fanUuid"
  ),
  firsts AS (
    SELECT "creatorId", "fanUuid", min(at) FILTER (WHERE paid) AS first_paid
    FROM rows GROUP BY 1, 2
  ),
  s AS (
    SELECT r."creatorId", r."fanUuid", f.first_paid,
           min(r.at) FILTER (WHERE r.sub) AS first_sub,
           COALESCE(array_agg(DISTINCT (extract(year FROM r.at) * 12 + extract(month FROM r.at) - 1)::int)
             FILTER (WHERE r.sub AND r.interior), '{}') AS months,
           COALESCE(array_agg(r.at ORDER BY r.at) FILTER (WHERE r.sub AND NOT r.interior), '{}') AS edges,
           (count(*) FILTER (WHERE r.renewal))::int AS renewals,
           ARRAY[
             COALESCE(sum(r.net) FILTER (WHERE r.at >= f.first_paid AND r.at < f.first_paid + interval '7 days'), 0),
             COALESCE(sum(r.net) FILTER (WHERE r.at >= f.first_paid AND r.at < f.first_paid + interval '14 days'), 0),
             COALESCE(sum(r.net) FILTER (WHERE r.at >= f.first_paid AND r.at < f.first_paid + interval '30 days'), 0),
             COALESCE(sum(r.net) FILTER (WHERE r.at >= f.first_paid AND r.at < f.first_paid + interval '60 days'), 0),
             COALESCE(sum(r.net) FILTER (WHERE r.at >= f.first_paid AND r.at < f.first_paid + interval '90 days'), 0),
             COALESCE(sum(r.net) FILTER (WHERE r.at >= f.first_paid AND r.at < f.first_paid + interval '120 days'), 0),
             COALESCE(sum(r.net) FILTER (WHERE r.at >= f.first_paid AND r.at < f.first_paid + interval '150 days'), 0),
             COALESCE(sum(r.net) FILTER (WHERE r.at >= f.first_paid AND r.at < f.first_paid + interval '180 days'), 0)
           ] AS value
    FROM rows r JOIN firsts f USING ("creatorId", "fanUuid")
    GROUP BY r."creatorId", r."fanUuid", f.first_paid
  ),
  -- Bit k of the mask: paid in month months[1] + k (bit 63 would be the sign: spans up to 62).
  masked AS (
    SELECT s.*, CASE WHEN cardinality(s.edges) = 0 AND cardinality(s.months) > 0
                      AND s.months[cardinality(s.months)] - s.months[1] <= 62
                 THEN (SELECT bit_or(1::bigint << (m - s.months[1])) FROM unnest(s.months) m) END AS mask
    FROM s
  ),
  gone AS (
    DELETE FROM "FanLedgerSummary" t USING k
    WHERE t."creatorId" = k."creatorId" AND t."fanUuid" = k."fanUuid"
      AND NOT EXISTS (SELECT 1 FROM s WHERE s."creatorId" = k."creatorId" AND s."fanUuid" = k."fanUuid" AND s.first_paid IS NOT NULL)
  )
  INSERT INTO "FanLedgerSummary" ("creatorId", "fanUuid", "firstPaidAt", "firstSubAt", "subMonths", "subEdges",
                                  "subFirst", "subMask", renewals, value, "updatedAt")
  SELECT "creatorId", "fanUuid", first_paid, first_sub, months, edges,
         CASE WHEN mask IS NOT NULL THEN months[1] END, mask, renewals, value, now()
  FROM masked WHERE first_paid IS NOT NULL
  ORDER BY 1, 2
  ON CONFLICT ("creatorId", "fanUuid") DO UPDATE SET
    "firstPaidAt" = EXCLUDED."firstPaidAt", "firstSubAt" = EXCLUDED."firstSubAt",
    "subMonths" = EXCLUDED."subMonths", "subEdges" = EXCLUDED."subEdges",
    "subFirst" = EXCLUDED."subFirst", "subMask" = EXCLUDED."subMask",
    renewals = EXCLUDED.renewals, value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"
$$;

CREATE FUNCTION "vd_fan_ledger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  creators text[];
  fans text[];
BEGIN
  EXECUTE format($q$
    WITH d AS (%s)
    SELECT array_agg("creatorId" ORDER BY "creatorId", "fanUuid"), array_agg("fanUuid" ORDER BY "creatorId", "fanUuid")
    FROM (SELECT DISTINCT "creatorId", "fanUuid" FROM d WHERE "fanUuid" IS NOT NULL) x$q$, "vd_signed_rows"(TG_OP))
  INTO creators, fans;
  IF creators IS NULL THEN RETURN NULL; END IF;
  PERFORM pg_advisory_xact_lock(20261206, hashtext(c)) FROM (SELECT DISTINCT c FROM unnest(creators) c ORDER BY c) x;
  PERFORM "vd_refresh_fan_ledger"(creators, fans);
  RETURN NULL;
END
$$;

CREATE TRIGGER "EarningRow_fan_ledger_ins" AFTER INSERT ON "EarningRow"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_fan_ledger"();
CREATE TRIGGER "EarningRow_fan_ledger_upd" AFTER UPDATE ON "EarningRow"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_fan_ledger"();
CREATE TRIGGER "EarningRow_fan_ledger_del" AFTER DELETE ON "EarningRow"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_fan_ledger"();

-- Fans per UTC hour of first payment (FanCohortHour), from the summary's rows
-- with a sign (vd_signed_rows, performance_rollups): an upsert of the summary
-- fires the INSERT and UPDATE triggers with the rows each touched.
CREATE FUNCTION "vd_rollup_cohort_hours"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    WITH d AS (%s)
    INSERT INTO "FanCohortHour" ("creatorId", hour, fans, subscribed, renewed, v7, v14, v30, v60, v90, v120, v150, v180)
    SELECT "creatorId", date_trunc('hour', "firstPaidAt"), sum(sign),
           COALESCE(sum(sign) FILTER (WHERE "firstSubAt" IS NOT NULL), 0),
           COALESCE(sum(sign) FILTER (WHERE renewals > 0), 0),
           COALESCE(sum(sign * value[1]), 0),
           COALESCE(sum(sign * value[2]), 0),
           COALESCE(sum(sign * value[3]), 0),
           COALESCE(sum(sign * value[4]), 0),
           COALESCE(sum(sign * value[5]), 0),
           COALESCE(sum(sign * value[6]), 0),
           COALESCE(sum(sign * value[7]), 0),
           COALESCE(sum(sign * value[8]), 0)
    FROM d
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT ("creatorId", hour) DO UPDATE SET
      fans = "FanCohortHour".fans + EXCLUDED.fans,
      subscribed = "FanCohortHour".subscribed + EXCLUDED.subscribed,
      renewed = "FanCohortHour".renewed + EXCLUDED.renewed,
      v7 = "FanCohortHour".v7 + EXCLUDED.v7,
      v14 = "FanCohortHour".v14 + EXCLUDED.v14,
      v30 = "FanCohortHour".v30 + EXCLUDED.v30,
      v60 = "FanCohortHour".v60 + EXCLUDED.v60,
      v90 = "FanCohortHour".v90 + EXCLUDED.v90,
      v120 = "FanCohortHour".v120 + EXCLUDED.v120,
      v150 = "FanCohortHour".v150 + EXCLUDED.v150,
      v180 = "FanCohortHour".v180 + EXCLUDED.v180$q$, "vd_signed_rows"(TG_OP));
  RETURN NULL;
END
$$;

CREATE TRIGGER "FanLedgerSummary_cohort_ins" AFTER INSERT ON "FanLedgerSummary"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_cohort_hours"();
CREATE TRIGGER "FanLedgerSummary_cohort_upd" AFTER UPDATE ON "FanLedgerSummary"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_cohort_hours"();
CREATE TRIGGER "FanLedgerSummary_cohort_del" AFTER DELETE ON "FanLedgerSummary"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_cohort_hours"();

-- The ledger already synced.
SELECT "vd_refresh_fan_ledger"(array_agg("creatorId"), array_agg("fanUuid"))
FROM (SELECT DISTINCT "creatorId", "fanUuid" FROM "EarningRow" WHERE "fanUuid" IS NOT NULL) x;
