import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

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
      'import/no-cycle': ['error', { ignoreExternal: true }],
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
