/** Kept equal to package.json's version by a test. */
export const version = '0.1.0';
