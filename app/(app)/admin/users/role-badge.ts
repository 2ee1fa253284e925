/** Badge style per role, so admins and HR stand out in lists of people. */
export function roleBadge(role: string): string {
  switch (role) {
    case "admin":
      return "badge bad";
    case "hr":
      return "badge warn";
    case "manager":
      return "badge brand";
    default:
      return "badge";
  }
}
