import { notFound, redirect } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * Runs a campaign read for a page: an unknown id (or another organization's) is the not-found page, a campaign of
 * teams the manager does not run is /forbidden. Other errors (a stored rule that no longer validates) propagate to
 * the caller, which shows them.
 */
export async function readOrRedirect<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    if (err instanceof ForbiddenError) redirect("/forbidden");
    throw err;
  }
}
