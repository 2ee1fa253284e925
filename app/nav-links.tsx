"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** `exact`: current only on `match` itself, not below it (a section's overview next to its sub-pages). */
export type NavItem = { href: string; label: string; match?: string; exact?: boolean };

/** Navigation with the current section marked (aria-current), for people and screen readers alike. */
export function NavLinks({ items, className }: { items: NavItem[]; className: string }) {
  const pathname = usePathname();
  return (
    <nav className={className}>
      {items.map((item) => {
        const match = item.match ?? item.href;
        const current = match === "/" || item.exact ? pathname === match : pathname === match || pathname.startsWith(`${match}/`);
        return (
          <Link key={item.href} href={item.href} aria-current={current ? "page" : undefined}>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
