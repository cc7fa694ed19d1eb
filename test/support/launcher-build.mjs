import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = fileURLToPath(new URL('../../src/database', import.meta.url));

/**
 * Compiles the embedded PostgreSQL launcher (src/database/embedded-postgres.ts and the files it imports) to plain
 * ESM in `outDir`, for processes outside jest's module system: the global setup, the tests' child processes. It finds
 * its packages (pg, the platform package) in a node_modules in or above `outDir`. Returns embedded-postgres.js's path.
 */
export function buildLauncher(outDir) {
  const pending = ['embedded-postgres.ts'];
  const done = new Set();
  while (pending.length > 0) {
    const file = pending.pop();
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(join(SOURCE, file), 'utf8');
    for (const [, local] of source.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      pending.push(normalize(join(dirname(file), `${local}.ts`)));
    }
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const out = join(outDir, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  return join(outDir, 'embedded-postgres.js');
}
