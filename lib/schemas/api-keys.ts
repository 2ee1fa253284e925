import { z } from "zod";
import { API_SCOPES } from "@/db/schema";
import { nameSchema } from "./common";

export const scopeSchema = z.enum(API_SCOPES, { message: `must be one of ${API_SCOPES.join(", ")}` });

export const createApiKeySchema = z.object({
  name: nameSchema,
  scopes: z
    .array(scopeSchema)
    .min(1, { message: "pick at least one scope" })
    .transform((s) => [...new Set(s)].sort()),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
