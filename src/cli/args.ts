/** Reads `--name value` options (and `--flag`s, which take none) from a command line; positional words come back in `_`. */
export function parseArgs(argv: readonly string[], flags: readonly string[] = []): { _: string[]; options: Map<string, string[]> } {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split('=', 2);
    const value = flags.includes(name) ? (inline ?? 'true') : (inline ?? argv[++i]);
    if (value === undefined) throw new Error(`--${name} needs a value`);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { _: positional, options };
}

export function portOption(options: Map<string, string[]>, fallback: number): number {
  const raw = options.get('port')?.at(-1);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a TCP port, got "${raw}"`);
  return port;
}
