export * from "./orgs";
export * from "./users";
export * from "./teams";
export * from "./api-keys";
export * from "./audit";
