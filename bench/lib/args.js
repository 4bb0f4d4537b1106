/** `--name value` flags of a bench script: numbers, comma-separated lists, or a bare `--flag` as true. */
export function parseFlags(argv) {
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const name = argv[i].slice(2);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) flags[name] = true;
    else {
      flags[name] = value.includes(',') ? value.split(',').map(Number) : Number.isNaN(Number(value)) ? value : Number(value);
      i++;
    }
  }
  return flags;
}
