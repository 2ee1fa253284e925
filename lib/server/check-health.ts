import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";

export async function checkHealth(): Promise<{ status: "ok" | "error"; database: "pglite" | "postgres" | "unavailable" }> {
  try {
    const database = await getDatabase();
    await database.db.execute(sql`select 1`);
    return { status: "ok", database: database.kind };
  } catch (err) {
    console.error("[podium] health check failed", err);
    return { status: "error", database: "unavailable" };
  }
}
