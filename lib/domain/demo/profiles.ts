/**
 * What the demo contact centre looks like: per team, its queue, channel mix, volumes and typical durations; per
 * weekday, how busy it is; per agent, a skill profile. The numbers are chosen to land near published contact-centre
 * benchmarks (AHT 4–8 min, CSAT ~75–85 %, service level ~70 % in 20 s, FCR ~70 %).
 */
export const DEMO_TEAMS = ["billing", "tech_support", "retention"] as const;
export type DemoTeam = (typeof DEMO_TEAMS)[number];

/**
 * How an agent compares with a typical agent of their team, each in [-1, 1] (0 = typical). `quality` moves resolution,
 * FCR, CSAT, NPS, QA scores, reopens and upsells; `speed` moves handle times, reply times and how many contacts they
 * take. The two are independent: a fast agent can be sloppy and a slow one thorough.
 */
export type DemoSkill = { quality: number; speed: number };

export type DemoAgent = {
  /** The identity events carry (an external id or an email); it need not belong to an existing agent. */
  externalId: string;
  team: DemoTeam;
  skill: DemoSkill;
  /** First and last local day with events (inclusive, "YYYY-MM-DD"); absent = the whole range. */
  from?: string;
  until?: string;
};

export type TeamProfile = {
  queue: string;
  /** Contacts (calls + tickets) one agent handles on an average weekday. */
  contactsPerDay: number;
  /** Share of contacts that are calls; the rest are tickets. */
  callShare: number;
  /** Share of tickets that are chats; the rest are emails. */
  chatShare: number;
  /** Medians in seconds for a typical agent. */
  talk: number;
  hold: number;
  wrap: number;
  /** Probability that a typical agent resolves a call. */
  resolved: number;
  /** A custom metric reported once per worked day (SPEC §3.1 `metric`), with its mean for a typical agent. */
  metric?: { key: string; mean: number };
};

export const TEAM_PROFILES: Record<DemoTeam, TeamProfile> = {
  // short, frequent calls about invoices; most volume in the first days of a month (bills go out on the 1st)
  billing: { queue: "billing", contactsPerDay: 24, callShare: 0.72, chatShare: 0.2, talk: 230, hold: 40, wrap: 35, resolved: 0.86 },
  // fewer, longer contacts, half of them written
  tech_support: { queue: "tech_support", contactsPerDay: 17, callShare: 0.45, chatShare: 0.4, talk: 420, hold: 75, wrap: 60, resolved: 0.72 },
  // long save conversations on the phone; saves and upsells reported daily by the CRM
  retention: {
    queue: "retention",
    contactsPerDay: 19,
    callShare: 0.82,
    chatShare: 0.5,
    talk: 360,
    hold: 50,
    wrap: 45,
    resolved: 0.78,
    metric: { key: "upsells", mean: 1.6 },
  },
};

/** ISO weekday (1 = Monday … 7 = Sunday) of a "YYYY-MM-DD" day. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** How busy each weekday is relative to an average weekday: Monday peaks, Friday eases, weekends are light. */
const WEEKDAY_LOAD = [0, 1.3, 1.1, 1.0, 0.95, 0.88, 0.75, 0.6] as const;
/** Probability that an agent works that weekday (leave, sick days, weekend rota). */
const PRESENCE = [0, 0.94, 0.94, 0.93, 0.93, 0.92, 0.35, 0.18] as const;

export function dayLoad(day: string, team: DemoTeam): number {
  const base = WEEKDAY_LOAD[isoWeekday(day)]!;
  // Billing's month-start wave: bills are issued on the 1st.
  const dom = Number(day.slice(8, 10));
  return team === "billing" && dom <= 5 ? base * 1.25 : base;
}

export function presence(day: string): number {
  return PRESENCE[isoWeekday(day)]!;
}

/** Contact start times across the opening hours (local 08:00–20:00): a late-morning and an early-afternoon peak. */
export const OPEN_HOUR = 8;
export const HOUR_WEIGHTS = [0.5, 0.9, 1.25, 1.2, 0.8, 0.9, 1.15, 1.1, 1.0, 0.8, 0.5, 0.3] as const;
