// Prisma CLI config. The URL may be empty: `prisma generate` runs in postinstall
// on machines without a database (stack-notes §2, gotcha 5).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
