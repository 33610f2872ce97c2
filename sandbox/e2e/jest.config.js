/**
 * Browser tests: each file starts its own sandbox on 127.0.0.1 and a headless Chromium.
 * Run with `npx jest --config sandbox/e2e/jest.config.js --runInBand`.
 */
module.exports = {
    rootDir: __dirname,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.test.ts'],
    transform: {
        '^.+\\.tsx?$': [
            'ts-jest',
            {
                tsconfig: {
                    target: 'ES2020',
                    module: 'commonjs',
                    esModuleInterop: true,
                    resolveJsonModule: true,
                    skipLibCheck: true,
                    strict: true,
                    jsx: 'react',
                },
                diagnostics: {ignoreCodes: [151001]},
            },
        ],
    },
    testTimeout: 120000,
    maxWorkers: 1,
};
