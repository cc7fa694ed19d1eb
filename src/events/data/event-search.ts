/** SQL for the weighted tsvector of three text parameters ($a, $b, $c are placeholders such as $2). */
export const searchVectorSql = (a: string, b: string, c: string): string =>
  `setweight(to_tsvector('english', ${a}), 'A') || setweight(to_tsvector('english', ${b}), 'B') || ` +
  `setweight(to_tsvector('english', ${c}), 'C')`;
