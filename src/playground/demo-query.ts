/** The query the playground opens with: the demo event's whole agenda. */
export const DEMO_QUERY = `# The demo event's agenda. Press the run button (or Ctrl-Enter).
# To edit content, sign in first; this playground keeps the token and sends it with every request:
#   mutation { login(email: "you@example.org", password: "...") { token user { role } } }
# (Or set it yourself in the Headers tab: { "Authorization": "Bearer <token>" }.) See docs/editing.md.
query Agenda($slug: String = "tackling-serious-and-organised-crime-2019") {
  event(slug: $slug) {
    title
    startsAt
    endsAt
    timeZone
    venue { city }
    sectors { name }
    keySpeakers { speaker { displayName jobTitle organisation { name } } }
    agenda {
      position
      type
      label
      title
      keyPoints
      speakers { role status speaker { displayName jobTitle organisation { name } } }
    }
    programmeNote
  }
}
`;
