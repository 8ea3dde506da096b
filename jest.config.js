// Unit tests live next to the code (src/**/*.spec.ts); integration and end-to-end tests under test/.
// The corpus conformance run has its own config (jest.corpus.config.js) because it reads ../shared.
const transform = { '^.+\\.ts$': ['@swc/jest'] };
module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform, testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    },
  ],
};
