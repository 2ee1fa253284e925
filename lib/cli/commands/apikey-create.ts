import { API_SCOPES, type ApiScope } from "@/db/schema";
import { createApiKey } from "@/lib/server/create-api-key";
import { parseOptions, required } from "../args";
import type { Command } from "../command";
import { cliActor, withDatabase } from "../database";
import { parseOrgId, requireOrganization } from "../org";

const usage = `Usage: npx podium apikey create --org <id> --scopes <s1,s2> [--name <name>] [--json]

Options:
  --org <id>          organization id
  --scopes <s1,s2>    comma-separated: ${API_SCOPES.join(", ")}
  --name <name>       shown in the admin list and the audit log (default "CLI key")
  --json              print {"key","id","name","scopes"}

The key is printed once; only its hash is stored.`;

const options = {
  org: { type: "string" },
  scopes: { type: "string" },
  name: { type: "string" },
  json: { type: "boolean" },
} as const;

export const apikeyCreate: Command = {
  name: "apikey create",
  summary: "create an API key for an organization (shown once)",
  usage,
  async run(args, { io, database }) {
    const values = parseOptions(args, options, usage);
    const orgId = parseOrgId(required(values.org, "--org", usage));
    const scopes = required(values.scopes, "--scopes", usage)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const key = await withDatabase(database, async ({ db }) => {
      await requireOrganization(db, orgId);
      // unknown scopes are rejected by the operation, naming scopes[i]
      return createApiKey({ db, actor: cliActor }, { name: values.name ?? "CLI key", scopes: scopes as ApiScope[] }, { orgId });
    });
    if (values.json) {
      io.stdout(JSON.stringify({ key: key.key, id: key.id, name: key.name, scopes: key.scopes }));
      return 0;
    }
    io.stdout(key.key);
    io.stderr(`API key "${key.name}" (${key.scopes.join(", ")}): store it now, it is not shown again.`);
    return 0;
  },
};
