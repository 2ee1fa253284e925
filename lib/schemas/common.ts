import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

const timeZones = new Set<string>([...Intl.supportedValuesOf("timeZone"), "UTC"]);
const currencies = new Set<string>(Intl.supportedValuesOf("currency"));

export const timezoneSchema = z
  .string()
  .trim()
  .refine((tz) => timeZones.has(tz), { message: "must be an IANA time zone such as Asia/Kuala_Lumpur" });

export const currencySchema = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine((c) => currencies.has(c), { message: "must be an ISO 4217 currency code such as MYR" });

export const localeSchema = z.enum(LOCALES, { message: `must be one of ${LOCALES.join(", ")}` });

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "must be a valid email address" }));

export const passwordSchema = z
  .string()
  .min(10, { message: "must be at least 10 characters" })
  .max(200, { message: "must be at most 200 characters" });

export const nameSchema = z.string().trim().min(1, { message: "is required" }).max(120, { message: "must be at most 120 characters" });

export const uuidSchema = z.uuid({ message: "must be a valid id" });

/** HTML checkboxes send "on" or nothing; form fields arrive as strings. */
export const checkboxSchema = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** Empty form fields mean "not given". */
export const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
