// The one secret a backup depends on. Fanvue OAuth tokens are stored
// encrypted (AES-256-GCM, lib/server/crypto/token-cipher.ts) with a key from
// TOKEN_ENCRYPTION_KEYS, each ciphertext naming its key id ("v1.<kid>.…").
// The keys are not in the database, so a backup is useless for Fanvue
// connections without them: restored tokens decrypt only where the same key
// ids hold the same keys. Everything else restores without any secret.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** Key ids the stored tokens were encrypted with (none when the table is missing or empty). */
export async function tokenKeyIds(url: string): Promise<string[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows: exists } = await db.query<{ t: string | null }>(
      `SELECT to_regclass('public."FanvueConnection"')::text AS t`,
    );
    if (!exists[0]?.t) return [];
    const { rows } = await db.query<{ kid: string }>(
      `SELECT DISTINCT split_part(c, '.', 2) AS kid FROM "FanvueConnection",
         LATERAL (VALUES ("accessTokenCipher"), ("refreshTokenCipher")) AS v(c)
       WHERE c IS NOT NULL ORDER BY 1`,
    );
    return rows.map((r) => r.kid);
  } finally {
    await db.end();
  }
}

/** The key ids configured for the app this database serves: TOKEN_ENCRYPTION_KEYS, else (embedded) the data dir's secrets.json. */
function configuredKeyIds(): { ids: string[]; source: string } | null {
  let raw = process.env.TOKEN_ENCRYPTION_KEYS;
  let source = "TOKEN_ENCRYPTION_KEYS";
  if (!raw && !process.env.DATABASE_URL) {
    const file = path.resolve(process.env.VUEDECK_DATA_DIR || ".data", "secrets.json");
    if (fs.existsSync(file)) {
      raw = (JSON.parse(fs.readFileSync(file, "utf8")) as { TOKEN_ENCRYPTION_KEYS?: string }).TOKEN_ENCRYPTION_KEYS;
      source = path.relative(process.cwd(), file) || file;
    }
  }
  if (!raw) return null;
  return {
    ids: raw
      .split(",")
      .map((e) => e.trim().split(":")[0]!)
      .filter(Boolean),
    source,
  };
}

/** What to keep beside a backup, for the backup's summary. */
export function backupKeyNote(ids: string[]): string {
  if (!ids.length) return "Fanvue tokens: none stored, so no key is needed to restore this backup.";
  return (
    `Fanvue tokens in this backup are encrypted with key id${ids.length > 1 ? "s" : ""} ${ids.join(", ")} of ` +
    "TOKEN_ENCRYPTION_KEYS (embedded dev: .data/secrets.json). The key is not in the backup: keep it safe " +
    "and separate; without it, members must sign in with Fanvue again after a restore."
  );
}

/** Whether the restored tokens will decrypt here, for the restore's summary. */
export function restoreKeyNote(ids: string[]): { ok: boolean; text: string } {
  if (!ids.length)
    return { ok: true, text: "Fanvue tokens: none in the backup; members sign in with Fanvue as usual." };
  const configured = configuredKeyIds();
  const missing = ids.filter((id) => !configured?.ids.includes(id));
  if (!missing.length) {
    return { ok: true, text: `Fanvue tokens: encrypted with ${ids.join(", ")}, found in ${configured!.source}.` };
  }
  const where = configured
    ? `${configured.source} has ${configured.ids.join(", ") || "no key"}`
    : "no key ring is configured here";
  return {
    ok: false,
    text:
      `Fanvue tokens: encrypted with key id${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, but ${where}. ` +
      "Run the app with the TOKEN_ENCRYPTION_KEYS of the server the backup came from (the same id and key), " +
      "or its connections fail to decrypt and members must sign in with Fanvue again.",
  };
}
