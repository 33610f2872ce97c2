// Repository-level tests: the bundle archive and `make deploy`. They need `make dist` first.
module.exports = {
    rootDir: __dirname,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.test.ts'],
    transform: {'^.+\\.ts$': ['ts-jest', {tsconfig: '<rootDir>/tsconfig.json'}]},
    testTimeout: 60000,
};
