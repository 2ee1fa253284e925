import Link from "next/link";
import type { ReactNode } from "react";

/** The title block every page starts with: a way back, a heading, a line under it, and actions on the right. */
export function PageHead({ title, subtitle, back, titleTestId, children }: { title: ReactNode; subtitle?: ReactNode; back?: { href: string; label: ReactNode }; titleTestId?: string; children?: ReactNode }) {
  return (
    <div className="page-head">
      <div>
        {back && (
          <Link href={back.href} className="small">
            ← {back.label}
          </Link>
        )}
        <h1 data-testid={titleTestId}>{title}</h1>
        {subtitle !== undefined && <p>{subtitle}</p>}
      </div>
      {children}
    </div>
  );
}
