import { fileURLToPath } from 'node:url';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Links to /oidc and /.well-known point at route handlers (JSON, JWKS), not pages: a full navigation
    // is what they need, which is what <a> does and <Link> does not.
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    // The layers depend one way: app → components → machines → lib. A lower layer never imports a
    // higher one, so lib/ (the servers and what teaches) can be read, tested and reused on its own.
    files: ['app/**', 'components/**', 'machines/**', 'lib/**'],
    ignores: ['**/*.test.ts', '**/*.testing.ts'],
    // import-x's no-cycle walks the module graph once (eslint-plugin-import's took 78% of the lint
    // phase's time, about 50 s on two cores); its resolver reads tsconfig.json's `@/` paths.
    plugins: { 'import-x': importX },
    settings: {
      // The graph's modules: which files it parses, and with which parser.
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
          tsconfig: { configFile: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) },
        }),
      ],
    },
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lib',
              from: ['./app', './components', './machines'],
            },
            { target: './machines', from: ['./app', './components'] },
            { target: './components', from: './app' },
          ],
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Playwright fixtures receive a callback named `use`; it is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
];
export default config;
