/** See nginx-config.mjs. */
export function nginxConfig(options: { dir: string; port: number; upstreams: number[] }): string;
