// Small PostgreSQL helper for .ci/run (no psql needed): ping | create | drop a database on a server.
import postgres from "postgres";

const [command, url, name] = process.argv.slice(2);
if (name !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name}`);
const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
try {
  if (command === "ping") await sql`select 1`;
  else if (command === "create") await sql.unsafe(`create database ${name}`);
  else if (command === "drop") await sql.unsafe(`drop database if exists ${name} with (force)`);
  else throw new Error(`usage: pg.mjs ping|create|drop <server url> [name]`);
} finally {
  await sql.end({ timeout: 5 });
}
