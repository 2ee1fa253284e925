import { z } from "zod";
import { WEBHOOK_SOURCES } from "@/db/schema";

export const webhookSourceSchema = z.enum(WEBHOOK_SOURCES, { message: `must be one of ${WEBHOOK_SOURCES.join(", ")}` });

/**
 * Setting a source's signing secret. Zendesk creates its own secret (the admin pastes it from Zendesk); for the
 * Freshdesk relay, Podium generates one when `secret` is left empty.
 */
export const setWebhookSecretSchema = z.object({
  source: webhookSourceSchema,
  secret: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z
      .string()
      .min(16, { message: "must be at least 16 characters" })
      .max(200, { message: "must be at most 200 characters" })
      .regex(/^\S+$/, { message: "must not contain spaces" })
      .optional(),
  ),
});
export type SetWebhookSecretInput = z.input<typeof setWebhookSecretSchema>;
