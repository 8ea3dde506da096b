// Conformance run over ../shared/x12-corpus: public samples kept outside the repository.
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/test/corpus/**/*.corpus.ts'],
};
