import { createOrganization } from "@/lib/server/create-organization";
import { parseOptions, required } from "../args";
import type { Command } from "../command";
import { cliActor, withDatabase } from "../database";

const usage = `Usage: npx podium org create --name <name> [--timezone <IANA>] [--currency <ISO>] [--json]

Options:
  --name <name>        organization name
  --timezone <IANA>    time zone for periods and business hours (default UTC), e.g. Asia/Kuala_Lumpur
  --currency <ISO>     ISO 4217 currency for cash rewards (default USD), e.g. MYR
  --json               print {"id":"..."} instead of the bare id`;

const options = {
  name: { type: "string" },
  timezone: { type: "string" },
  currency: { type: "string" },
  json: { type: "boolean" },
} as const;

export const orgCreate: Command = {
  name: "org create",
  summary: "create an organization and print its id",
  usage,
  async run(args, { io, database }) {
    const values = parseOptions(args, options, usage);
    const name = required(values.name, "--name", usage);
    const org = await withDatabase(database, ({ db }) =>
      createOrganization({ db, actor: cliActor }, { name, timezone: values.timezone, currency: values.currency }),
    );
    io.stdout(values.json ? JSON.stringify({ id: org.id }) : org.id);
    return 0;
  },
};
