import type { Db } from "@/db/client";
import { disableApiKeyCache, enableApiKeyCache } from "./api-key-cache";
import { boardHub, closeHub, type TopicSpec } from "./board-hub";
import { changeBus, stopChangeBus } from "./changes";
import { closeAllStreams, SseStream, sseResponse, type SseOptions } from "./sse";
import { disableViewCache, enableViewCache } from "./view-cache";

/**
 * An SSE response following a topic: its current state at once, then every change (coalesced, unchanged states
 * skipped), until the client leaves (`signal`), the topic ends (a final message), or the server stops. Throws before
 * any byte is sent when the first state cannot be computed, so the route answers with an error status instead.
 */
export async function topicStream(db: Db, spec: TopicSpec, signal?: AbortSignal, options?: SseOptions): Promise<Response> {
  return sseResponse(await openTopicStream(db, spec, signal, options));
}

/** The stream itself (tests read it without an HTTP response). */
export async function openTopicStream(db: Db, spec: TopicSpec, signal?: AbortSignal, options?: SseOptions): Promise<SseStream> {
  const stream = new SseStream(signal, options);
  try {
    const unsubscribe = await boardHub(db).subscribe(spec, (message) => {
      if (message.final) stream.end(message.bytes);
      else stream.send(message.bytes, "snapshot"); // a state still waiting for a slow client is replaced by the new one
    });
    stream.onClose(unsubscribe);
  } catch (err) {
    stream.close();
    throw err;
  }
  return stream;
}

/**
 * Server start: the process's LISTEN connection (PostgreSQL), the view cache and the API key cache. Views and keys are
 * cached only in a running server; scripts and tests that call operations directly read straight from the database.
 */
export async function startRealtime(db: Db): Promise<void> {
  enableViewCache(db);
  enableApiKeyCache(db);
  await changeBus(db).listen();
}

/** Shutdown: ends every open stream (they keep `next start` from exiting), then stops listening. */
export async function stopRealtime(db: Db): Promise<number> {
  const closed = closeAllStreams();
  closeHub(db);
  disableViewCache(db);
  disableApiKeyCache(db);
  await stopChangeBus(db);
  return closed;
}
