-- CreateTable
CREATE TABLE "LedgerVersion" (
    "creatorId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "LedgerVersion_pkey" PRIMARY KEY ("creatorId")
);

-- CreateTable
CREATE TABLE "EarningsMemo" (
    "key" TEXT NOT NULL,
    "versions" TEXT NOT NULL,
    "prevEnd" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EarningsMemo_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "EarningsMemo_usedAt_idx" ON "EarningsMemo"("usedAt");

-- ─── Kept by statement triggers on EarningRow and SpendingRow ────────────────
-- Every statement that writes a creator's ledger bumps that creator's
-- version once (the creators it touched, in key order so concurrent
-- statements cannot deadlock). A memo computed before the bump no longer
-- matches and is recomputed on its next read.
CREATE FUNCTION "vd_bump_ledger_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    WITH d AS (%s)
    INSERT INTO "LedgerVersion" ("creatorId", version)
    SELECT DISTINCT "creatorId", 1 FROM d ORDER BY 1
    ON CONFLICT ("creatorId") DO UPDATE SET version = "LedgerVersion".version + 1$q$, "vd_signed_rows"(TG_OP));
  RETURN NULL;
END
$$;

CREATE TRIGGER "EarningRow_version_ins" AFTER INSERT ON "EarningRow"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_bump_ledger_version"();
CREATE TRIGGER "EarningRow_version_upd" AFTER UPDATE ON "EarningRow"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_bump_ledger_version"();
CREATE TRIGGER "EarningRow_version_del" AFTER DELETE ON "EarningRow"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_bump_ledger_version"();
CREATE TRIGGER "SpendingRow_version_ins" AFTER INSERT ON "SpendingRow"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_bump_ledger_version"();
CREATE TRIGGER "SpendingRow_version_upd" AFTER UPDATE ON "SpendingRow"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_bump_ledger_version"();
CREATE TRIGGER "SpendingRow_version_del" AFTER DELETE ON "SpendingRow"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "vd_bump_ledger_version"();
