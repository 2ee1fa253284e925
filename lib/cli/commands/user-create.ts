import { ROLES, type Role } from "@/db/schema";
import { createUser } from "@/lib/server/create-user";
import { parseOptions, required } from "../args";
import type { Command } from "../command";
import { cliActor, withDatabase } from "../database";
import { parseOrgId, requireOrganization } from "../org";

const usage = `Usage: npx podium user create --org <id> --email <email> --role <role> [options]

Options:
  --org <id>             organization id (from "npx podium org create")
  --email <email>        sign-in email, unique across the deployment
  --role <role>          ${ROLES.join(", ")}
  --password <password>  at least 10 characters; when omitted one is generated and printed once
  --name <name>          display name (default: the part of the email before the @)
  --external-id <id>     agents only: the agent's id in the source systems (default: the email)
  --json                 print {"id","email","role","name","externalId","password"?} (password only when generated)`;

const options = {
  org: { type: "string" },
  email: { type: "string" },
  role: { type: "string" },
  password: { type: "string" },
  name: { type: "string" },
  "external-id": { type: "string" },
  json: { type: "boolean" },
} as const;

export const userCreate: Command = {
  name: "user create",
  summary: "create a user in an organization",
  usage,
  async run(args, { io, database }) {
    const values = parseOptions(args, options, usage);
    const orgId = parseOrgId(required(values.org, "--org", usage));
    const email = required(values.email, "--email", usage);
    const role = required(values.role, "--role", usage);
    const user = await withDatabase(database, async ({ db }) => {
      await requireOrganization(db, orgId);
      return createUser(
        { db, actor: cliActor },
        // role is validated by the operation (ValidationError naming "role"), not narrowed here
        { email, role: role as Role, password: values.password, name: values.name, externalId: values["external-id"] },
        { orgId },
      );
    });
    const generated = user.generatedPassword ? user.password : undefined;
    if (values.json) {
      io.stdout(JSON.stringify({ id: user.id, email: user.email, role: user.role, name: user.name, externalId: user.externalId, password: generated }));
      return 0;
    }
    io.stdout(`id        ${user.id}`);
    io.stdout(`email     ${user.email}`);
    io.stdout(`role      ${user.role}`);
    io.stdout(`name      ${user.name}`);
    if (user.externalId) io.stdout(`external  ${user.externalId}`);
    if (generated) io.stdout(`password  ${generated}   (generated: shown only this once)`);
    return 0;
  },
};
