-- CreateTable
CREATE TABLE "AudienceListCount" (
    "creatorId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "fans" INTEGER NOT NULL,
    "named" INTEGER NOT NULL,

    CONSTRAINT "AudienceListCount_pkey" PRIMARY KEY ("creatorId","list")
);

-- ─── Kept by a statement trigger on AudienceFan ──────────────────────────────
-- Each statement's rows as signed deltas (vd_signed_rows, performance_rollups:
-- new +1, old −1), so insert, update and delete are one path and the counts
-- stay right whatever writes the roster (sync pages, head checks, webhooks, a
-- chat's fan, an import). A full sync rewrites every row's run and position:
-- those updates net to zero and write nothing. Upserts go in key order.
CREATE FUNCTION "vd_rollup_audience_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    WITH d AS (%s)
    INSERT INTO "AudienceListCount" ("creatorId", list, fans, named)
    SELECT "creatorId", list, sum(sign), COALESCE(sum(sign) FILTER (WHERE handle <> ''), 0)
    FROM d
    GROUP BY 1, 2
    HAVING sum(sign) <> 0 OR COALESCE(sum(sign) FILTER (WHERE handle <> ''), 0) <> 0
    ORDER BY 1, 2
    ON CONFLICT ("creatorId", list) DO UPDATE SET
      fans = "AudienceListCount".fans + EXCLUDED.fans,
      named = "AudienceListCount".named + EXCLUDED.named$q$, "vd_signed_rows"(TG_OP));
  RETURN NULL;
END
$$;

CREATE TRIGGER "AudienceFan_counts_ins" AFTER INSERT ON "AudienceFan"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_audience_counts"();
CREATE TRIGGER "AudienceFan_counts_upd" AFTER UPDATE ON "AudienceFan"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_audience_counts"();
CREATE TRIGGER "AudienceFan_counts_del" AFTER DELETE ON "AudienceFan"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_rollup_audience_counts"();

-- The roster already synced.
INSERT INTO "AudienceListCount" ("creatorId", list, fans, named)
SELECT "creatorId", list, count(*), count(*) FILTER (WHERE handle <> '')
FROM "AudienceFan" GROUP BY 1, 2;

-- The fans table's sorts read one page in index order instead of sorting the
-- whole roster: Fanvue's order over "All fans", and the insight columns
-- (spend and renewal already had theirs).
CREATE INDEX "AudienceFan_creatorId_listOrder_idx" ON "AudienceFan"("creatorId", "listOrder");
CREATE INDEX "FanInsight_creatorId_lastPurchaseAt_idx" ON "FanInsight"("creatorId", "lastPurchaseAt");
CREATE INDEX "FanInsight_creatorId_subscribedAt_idx" ON "FanInsight"("creatorId", "subscribedAt");

-- Sorting the roster by name (lower(display name, else handle), then the id,
-- as lib/server/fans/roster/roster-query.ts orders it) walks an index to the
-- page instead of sorting the whole roster; one for a list, one for "all".
-- Prisma's schema cannot declare expression indexes; its diff leaves them alone.
CREATE INDEX "AudienceFan_creatorId_list_name_idx"
  ON "AudienceFan" ("creatorId", list, lower(COALESCE(NULLIF("displayName", ''), handle)), "fanUuid");
CREATE INDEX "AudienceFan_creatorId_name_idx"
  ON "AudienceFan" ("creatorId", lower(COALESCE(NULLIF("displayName", ''), handle)), "fanUuid");
