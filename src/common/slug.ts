/** Lower-case ASCII words joined by hyphens ("Chair’s Summary" → "chair-s-summary"), at most `max` long. */
export function slugWords(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** A URL-safe slug from a name: "Sedgemoor District Council" → "sedgemoor-district-council", "A & B" → "a-and-b". */
export function slugify(name: string): string {
  return slugWords(name.replace(/&/g, ' and '), 120) || 'untitled';
}
