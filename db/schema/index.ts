export * from "./orgs";
export * from "./users";
export * from "./teams";
export * from "./api-keys";
export * from "./audit";
export * from "./events";
export * from "./kpi-settings";
export * from "./sources";
