import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and committed; the runtime migrator (db/migrate.ts) applies them.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
