-- The fans table and the fan panel read a fan's ledger rows case-insensitively
-- (the ledger keeps Fanvue's ids as sent, the fans feature stores them
-- lower-case): lower("fanUuid") = ANY(…). The ("creatorId", "fanUuid") index
-- cannot serve that, so every request scanned the creator's whole ledger
-- (~2 s at 100,000 fans). Prisma's schema cannot declare an expression index;
-- its diff leaves this one alone. tests/integration/sql-indexes.test.ts fails
-- if the fans queries stop using it.
CREATE INDEX "EarningRow_creatorId_lower_fanUuid_idx" ON "EarningRow" ("creatorId", lower("fanUuid"));
