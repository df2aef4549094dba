// Colour for statuses, on a terminal only, as no-color.org and FORCE_COLOR have it: NO_COLOR (any
// non-empty value) removes colour and nothing else (the progress bar stays); FORCE_COLOR (any
// value but 0 or false) turns it on even off a terminal; TERM=dumb turns it off.
type Env = Readonly<Record<string, string | undefined>>;

export function colourEnabled(stream: { isTTY?: boolean }, env: Env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const SGR = { green: 32, red: 31, yellow: 33, cyan: 36, dim: 2 } as const;
// Task statuses spell failure `failed`, subtasks `fail`; any status the contract adds stays plain.
const STATUS_COLOUR: Readonly<Record<string, keyof typeof SGR>> = { success: 'green', fail: 'red', failed: 'red', stop: 'yellow', processing: 'cyan', wait: 'dim' };

/** `status` in its colour (or as it is, when colour is off or the status has none). */
export function paintStatus(status: string, enabled: boolean): string {
  const colour = STATUS_COLOUR[status];
  if (!enabled || colour === undefined) return status;
  return `\u001b[${SGR[colour]}m${status}\u001b[${colour === 'dim' ? 22 : 39}m`;
}
