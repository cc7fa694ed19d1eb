/** The query the playground opens with: the demo event's whole agenda. */
export const DEMO_QUERY = `# The demo event's agenda. Press the run button (or Ctrl-Enter).
# To edit content, sign in with the login mutation and put the token in the Headers tab:
#   { "Authorization": "Bearer <token>" }
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
