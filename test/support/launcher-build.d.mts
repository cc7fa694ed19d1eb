/** See launcher-build.mjs. */
export function buildLauncher(outDir: string): string;
