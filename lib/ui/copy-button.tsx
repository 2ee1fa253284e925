"use client";

import { useState } from "react";

export type CopyLabels = { copy: string; copied: string; failed: string };

/** Copies a one-time secret, key or URL to the clipboard and says whether it worked. */
export function CopyButton({ text, labels, className = "secondary" }: { text: string; labels: CopyLabels; className?: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      className={className}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setStatus("copied");
        } catch {
          // Clipboard access needs a secure context and permission; the text stays selectable by hand.
          setStatus("failed");
        }
      }}
    >
      {status === "copied" ? labels.copied : status === "failed" ? labels.failed : labels.copy}
    </button>
  );
}
