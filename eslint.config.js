// Lint is part of `npm test`: any error fails the build (no warnings-only rules).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Files under `files` may not import from the folders or packages named. */
function layer(files, folders, packages) {
  const patterns = [
    ...folders.map((group) => ({
      group: [group],
      message: `imports run one way: ${files[0]} may not import ${group}`,
    })),
    ...packages.map((name) => ({ group: [name], message: `${files[0]} may not use ${name} (layer without that I/O)` })),
  ];
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'server/neo4j/lib/',
      'test-results/',
      'playwright-report/',
      '.data*/',
      'data/**',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render data as text (textContent), never as HTML.' },
        { property: 'outerHTML', message: 'Render data as text (textContent), never as HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Render data as text, never as HTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render data as text, never as HTML.',
        },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  // One-way layers: domain ← seed ← server, and domain ← web. The domain has no I/O; the web app
  // reads the server only through HTTP. `npm test` runs lint, so an import against the layers fails it.
  layer(
    ['domain/**'],
    ['**/seed/**', '**/server/**', '**/web/**', '**/e2e/**', '**/bench/**'],
    ['node:*', 'neo4j-driver', 'express', 'sigma'],
  ),
  layer(['seed/**'], ['**/server/**', '**/web/**', '**/e2e/**', '**/bench/**'], ['neo4j-driver', 'express']),
  layer(['server/**'], ['**/web/**', '**/e2e/**', '**/bench/**'], []),
  layer(['web/**'], ['**/seed/**', '**/server/**', '**/e2e/**', '**/bench/**'], ['node:*', 'neo4j-driver', 'express']),
  {
    // Tests read loosely typed JSON answers.
    files: ['**/*.test.ts', 'server/integration/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
