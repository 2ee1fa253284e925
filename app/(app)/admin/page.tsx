import { redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requirePageCtx } from "@/lib/auth/session";

export default async function AdminIndex() {
  const { actor } = await requirePageCtx();
  redirect(can(actor, "org.admin") ? "/admin/users" : can(actor, "audit.read") ? "/admin/audit" : "/forbidden");
}
