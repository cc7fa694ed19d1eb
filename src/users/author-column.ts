/**
 * The `author` of a revision row as SQL: the user joined as `u` (LEFT JOIN users u ON u.id = r.author_id) as a
 * JSON object, or null when there is none (removed since). Event and speaker revisions read it alike.
 */
export const AUTHOR_COLUMN = `CASE WHEN u.id IS NULL THEN NULL
  ELSE json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'role', u.role) END AS author`;
