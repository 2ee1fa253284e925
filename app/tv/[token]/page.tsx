import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { getDisplay } from "@/lib/server/get-display";
import { TvDisplay } from "./tv-display";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "TV", robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * TV mode (SPEC §7): a wall screen opened by a display link — its boards only, top 10 each, live, no sign-in. The
 * token is the only credential; getDisplay answers the same not-found for a malformed, unknown or revoked one.
 */
export default async function TvPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let feed;
  try {
    feed = await getDisplay(token);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  return <TvDisplay token={token} initial={feed} />;
}
