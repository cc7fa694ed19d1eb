/**
 * `migrations/index.ts` with one more migration: its import after the last import, and its class at the end of the
 * MIGRATIONS array, written one per line with a trailing comma as Prettier formats it. Throws when the file does
 * not have that shape, rather than writing an index that does not compile.
 */
export function registerMigration(index: string, className: string, file: string): string {
  const imports = [...index.matchAll(/^import .*;$/gm)];
  const array = /(export const MIGRATIONS = \[)([^\]]*)(\];)/.exec(index);
  if (imports.length === 0 || !array) throw new Error('migrations/index.ts has no imports or no MIGRATIONS array');
  const names = array[2]
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const list = [...names, className].map((name) => `  ${name},\n`).join('');
  const withArray = index.replace(array[0], `${array[1]}\n${list}${array[3]}`);
  const last = imports[imports.length - 1];
  const at = last.index + last[0].length;
  return `${withArray.slice(0, at)}\nimport { ${className} } from './${file}.js';${withArray.slice(at)}`;
}
