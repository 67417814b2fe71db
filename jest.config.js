/** Two projects: unit specs beside the code, e2e specs in test/. */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const common = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  transform,
  // kubernetes-models 5 exports its subpaths for `import` only; the chart specs require them.
  moduleNameMapper: {
    '^(kubernetes-models|@kubernetes-models/prometheus-operator)/(.+)$':
      '<rootDir>/../node_modules/$1/$2.js',
  },
};

module.exports = {
  testTimeout: 20_000,
  // The default output, then every skipped suite and test with its reason (test/support/skip.ts).
  reporters: ['default', '<rootDir>/test/support/skip-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', rootDir: 'src', testRegex: '.*\\.spec\\.ts$' },
    { ...common, displayName: 'e2e', rootDir: 'test', testRegex: '.*\\.e2e-spec\\.ts$' },
  ],
};
