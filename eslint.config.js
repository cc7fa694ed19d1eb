import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const LISTENERS_AND_FORMATS = ['**/subscriptions/**', '**/webhooks/**', '**/partner/**', '**/imports/**'];
const SHARED_RECORDS = {
  group: ['**/events/**', ...LISTENERS_AND_FORMATS],
  message: 'Shared records (speakers, sectors, organisations) never import the event aggregate or its listeners.',
};
const AGGREGATE = {
  group: LISTENERS_AND_FORMATS,
  message: 'The event aggregate knows neither its output formats, nor its listeners, nor its import sources.',
};
const PURE_DOMAIN = {
  group: ['@nestjs/*', 'typeorm', 'pg', '../data/**', '../editing/**', '../reading/**', '../graphql/**'],
  message: 'events/domain holds the pure rules: no Nest, no SQL, no services.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', '**/*.mjs', 'jest.config.js', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest injects constructor parameters by their runtime class: those imports must stay value imports.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // The few layering rules that keep a folder a unit (docs/architecture.md). In flat config a later block's options
  // replace an earlier one's for the same rule, so each block lists every rule that applies to its files.
  {
    files: ['src/speakers/**/*.ts', 'src/sectors/**/*.ts', 'src/organisations/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SHARED_RECORDS] }] },
  },
  {
    files: ['src/events/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [AGGREGATE] }] },
  },
  {
    files: ['src/events/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [AGGREGATE, PURE_DOMAIN] }] },
  },
  prettier,
);
