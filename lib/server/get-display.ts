import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { NotFoundError } from "@/lib/errors";
import type { TopicSpec } from "@/lib/realtime/board-hub";
import { parseInput } from "@/lib/validation";
import type { LeaderboardView } from "./leaderboard-view";
import { displayViews, openDisplay } from "./open-display";
import { errorEvent } from "./subscribe-leaderboard";

/** What a wall screen gets (TV mode): the link's name, rotation and boards — nothing else of the organization. */
export type DisplayFeed = { name: string; rotateSeconds: number; boards: LeaderboardView[] };

/** `?top`: ranked rows per board, 10 by default, at most 50 (a screen shows a few; a link is not a data export). */
const displayQuerySchema = z.object({
  top: z.coerce.number({ message: "must be a whole number" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" }).max(50, { message: "must be at most 50" }).default(10),
});

type Options = { db?: Db; now?: () => Date };

/**
 * `GET /api/display/{token}?top` — no sign-in: the token is the credential. Malformed, unknown and revoked tokens are
 * the same 404 (openDisplay); a bad `top` is a 400.
 */
export async function getDisplay(token: string, query: Record<string, unknown> = {}, opts: Options = {}): Promise<DisplayFeed> {
  const { top } = parseInput(displayQuerySchema, query);
  const db = opts.db ?? (await getDb());
  const display = await openDisplay(db, token);
  return feedOf(db, display, opts.now?.() ?? new Date(), top);
}

/**
 * `GET /api/display/{token}/stream?top`: `event: display` with the JSON of getDisplay at once and on every change.
 * The link is checked again on every update (and at least every 30 s): once revoked, the stream sends
 * `event: revoked` and ends.
 */
export async function subscribeDisplay(token: string, query: Record<string, unknown> = {}, opts: Options = {}): Promise<{ db: Db; topic: TopicSpec }> {
  const { top } = parseInput(displayQuerySchema, query);
  const db = opts.db ?? (await getDb());
  const display = await openDisplay(db, token); // 404 before the stream opens
  const topic: TopicSpec = {
    orgId: display.orgId,
    key: `display ${display.linkId} ${top}`,
    compute: async () => {
      try {
        const current = await openDisplay(db, token);
        return { event: "display", data: JSON.stringify(await feedOf(db, current, opts.now?.() ?? new Date(), top)) };
      } catch (err) {
        if (err instanceof NotFoundError) return { event: "revoked", data: JSON.stringify({ error: { code: err.code, message: err.message } }), final: true };
        throw err;
      }
    },
    onError: errorEvent,
  };
  return { db, topic };
}

async function feedOf(db: Db, display: Awaited<ReturnType<typeof openDisplay>>, now: Date, top: number): Promise<DisplayFeed> {
  return { name: display.name, rotateSeconds: display.rotateSeconds, boards: await displayViews(db, display, now, top) };
}
