import { z } from "zod";
import { TEAM_MEMBER_ROLES } from "@/db/schema";
import { nameSchema, uuidSchema } from "./common";

export const createTeamSchema = z.object({ name: nameSchema });
export const renameTeamSchema = z.object({ teamId: uuidSchema, name: nameSchema });
export const teamMemberSchema = z.object({
  teamId: uuidSchema,
  userId: z.string().min(1, { message: "pick a user" }),
  role: z.enum(TEAM_MEMBER_ROLES, { message: "must be agent or manager" }),
});
export const removeTeamMemberSchema = z.object({ teamId: uuidSchema, userId: z.string().min(1) });
