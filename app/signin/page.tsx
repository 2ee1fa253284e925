import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { getSignInOptions } from "@/lib/server/get-sign-in-options";
import { LocaleSwitcher } from "../locale-switcher";
import { SignInForm } from "./sign-in-form";
import { ssoSignInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await currentActor()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  const t = await getTranslations("signin");
  const options = await getSignInOptions();
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="spread">
          <div className="brand">
            <span className="brand-mark">P</span> Podium
          </div>
          <LocaleSwitcher />
        </div>
        <div className="card stack">
          <div>
            <h1>{t("title")}</h1>
            <p className="muted small">{t("subtitle")}</p>
          </div>
          {error && <div className="alert error">{t(error === "AccessDenied" ? "ssoDenied" : "genericError")}</div>}
          <SignInForm callbackUrl={callbackUrl} />
          {options.sso && (
            <form action={ssoSignInAction}>
              <button type="submit" className="secondary" style={{ width: "100%" }}>
                {t("sso", { provider: options.sso })}
              </button>
            </form>
          )}
        </div>
        {options.demo.length > 0 && (
          <div className="card demo-logins">
            <strong>{t("demoTitle")}</strong>
            <p className="muted">{t("demoHint")}</p>
            <table>
              <tbody>
                {options.demo.map((d) => (
                  <tr key={d.email}>
                    <td>{t(`roles.${d.role}`)}</td>
                    <td>
                      <code>{d.email}</code>
                    </td>
                    <td>
                      <code>{d.password}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </main>
  );
}
