const transform = {
    '^.+\\.tsx?$': ['ts-jest', {tsconfig: '<rootDir>/tsconfig.json'}],
};

// Logic and integration tests run in node; component tests (*.test.tsx) run in jsdom with the
// jest-dom matchers.
/** @type {import('jest').Config} */
module.exports = {
    projects: [
        {
            displayName: 'node',
            rootDir: __dirname,
            testEnvironment: 'node',
            testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
            transform,
        },
        {
            displayName: 'dom',
            rootDir: __dirname,
            testEnvironment: 'jsdom',
            testMatch: ['<rootDir>/src/**/*.test.tsx', '<rootDir>/test/**/*.test.tsx'],
            setupFilesAfterEnv: ['@testing-library/jest-dom'],
            transform,
        },
    ],
};
