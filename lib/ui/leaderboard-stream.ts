import { useEffect, useRef, useState } from "react";

/**
 * Subscribes to a server-sent event stream for as long as the component is mounted and `url` is not null.
 *
 * EventSource reconnects by itself after a network error (the server sends the current state on every connect, so a
 * reconnect catches up). It gives up for good on an HTTP error (401, 404): then `onClosed` decides — true retries after
 * a pause (a restarted server, a new deploy), false stays closed (a revoked display link). A handler named "error"
 * receives the server's `event: error` messages (EventSource delivers those to its connection-error handler too).
 */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "closed";
export type StreamHandlers = Record<string, (data: string) => void>;

const RETRY_MS = 5_000;

export function useEventStream(url: string | null, handlers: StreamHandlers, onClosed?: () => Promise<boolean>): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [attempt, setAttempt] = useState(0);
  // The latest handlers without reopening the stream whenever the component re-renders.
  const latest = useRef({ handlers, onClosed });
  useEffect(() => {
    latest.current = { handlers, onClosed };
  });

  useEffect(() => {
    if (url === null) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const source = new EventSource(url);
    source.onopen = () => setStatus("live");
    source.onerror = (e) => {
      // The server's own `event: error` (a failure after the stream opened) arrives here too, as a message with data;
      // a lost connection is a plain Event.
      if (e instanceof MessageEvent && typeof e.data === "string") {
        latest.current.handlers.error?.(e.data);
        return;
      }
      if (source.readyState !== EventSource.CLOSED) {
        setStatus("reconnecting");
        return;
      }
      setStatus("closed");
      source.close();
      const decide = latest.current.onClosed ?? (() => Promise.resolve(true));
      void decide().then((retry) => {
        if (retry && !cancelled) timer = setTimeout(() => setAttempt((a) => a + 1), RETRY_MS);
      });
    };
    for (const name of Object.keys(latest.current.handlers).filter((n) => n !== "error")) {
      source.addEventListener(name, (e) => {
        setStatus("live");
        latest.current.handlers[name]?.((e as MessageEvent<string>).data);
      });
    }
    return () => {
      cancelled = true;
      clearTimeout(timer);
      source.close();
    };
  }, [url, attempt]);

  return url === null ? "closed" : status;
}
