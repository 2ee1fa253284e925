import { z } from "zod";
import { ROLES } from "@/db/schema";
import { emailSchema, localeSchema, nameSchema, optionalText, passwordSchema, uuidSchema } from "./common";

export const roleSchema = z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` });

export const externalIdSchema = z
  .string()
  .trim()
  .min(1, { message: "is required" })
  .max(200, { message: "must be at most 200 characters" });

export const createUserSchema = z.object({
  email: emailSchema,
  name: optionalText(nameSchema),
  role: roleSchema,
  password: optionalText(passwordSchema),
  /** Agents only; defaults to the email. */
  externalId: optionalText(externalIdSchema),
  teamId: optionalText(uuidSchema),
  locale: optionalText(localeSchema),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: z.string().min(1),
  name: nameSchema,
  role: roleSchema,
  active: z.boolean(),
  externalId: optionalText(externalIdSchema),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({
  userId: z.string().min(1),
  password: optionalText(passwordSchema),
});
