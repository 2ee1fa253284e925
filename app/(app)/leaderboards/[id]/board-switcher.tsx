"use client";

import { useRouter } from "next/navigation";
import styles from "../leaderboards.module.css";

/**
 * Jump to another board of the organization (each board has its own scope: a team, a queue, everyone). The select
 * never grows past its row (board-switcher): a long "name — metric" would otherwise widen a phone's page.
 */
export function BoardSwitcher({ boards, current, label }: { boards: Array<{ id: string; label: string }>; current: string; label: string }) {
  const router = useRouter();
  if (boards.length < 2) return null;
  return (
    <label className={`field ${styles.switcher} board-switcher`}>
      <span>{label}</span>
      <select value={current} onChange={(e) => router.push(`/leaderboards/${e.target.value}`)} data-testid="board-switcher">
        {boards.map((b) => (
          <option key={b.id} value={b.id}>
            {b.label}
          </option>
        ))}
      </select>
    </label>
  );
}
