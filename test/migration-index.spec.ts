import { describe, expect, it } from '@jest/globals';
import { registerMigration } from '../src/database/migration-index.js';

describe('registerMigration (what migration:generate writes into migrations/index.ts)', () => {
  it('registers a migration after the last import and at the end of the array, keeping the trailing comma', () => {
    const index = `import { A1 } from './1-A.js';\nimport { B2 } from './2-B.js';\n\n/** All. */\nexport const MIGRATIONS = [\n  A1,\n  B2,\n];\n`;
    expect(registerMigration(index, 'C3', '3-C')).toBe(
      `import { A1 } from './1-A.js';\nimport { B2 } from './2-B.js';\nimport { C3 } from './3-C.js';\n\n/** All. */\nexport const MIGRATIONS = [\n  A1,\n  B2,\n  C3,\n];\n`,
    );
    expect(
      registerMigration(`import { A1 } from './1-A.js';\nexport const MIGRATIONS = [A1];\n`, 'C3', '3-C'),
    ).toContain('MIGRATIONS = [\n  A1,\n  C3,\n];');
    expect(() => registerMigration('export const X = 1;\n', 'C3', '3-C')).toThrow(/MIGRATIONS/);
  });

  it('keeps what stands between the imports and the array, and the rest of the file', () => {
    const index = `// header\nimport { A1 } from './1-A.js';\n\nconst x = 1;\n\nexport const MIGRATIONS = [A1];\n\n// footer\n`;
    expect(registerMigration(index, 'B2', '2-B')).toBe(
      `// header\nimport { A1 } from './1-A.js';\nimport { B2 } from './2-B.js';\n\nconst x = 1;\n\nexport const MIGRATIONS = [\n  A1,\n  B2,\n];\n\n// footer\n`,
    );
  });

  it('refuses an index without imports', () => {
    expect(() => registerMigration('export const MIGRATIONS = [];\n', 'C3', '3-C')).toThrow(/no imports/);
  });
});
