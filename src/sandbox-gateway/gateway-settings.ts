import type { ChaosSettings } from './webhook-deliveries.js';

/**
 * The standalone gateway's settings (main.ts), from its environment and command line: secrets
 * from the environment only (a command line is visible to every user of the machine), the rest
 * from either, the command line winning.
 *
 *   SANDBOX_GATEWAY_URL            --url=            where to listen (default http://127.0.0.1:4242)
 *   SANDBOX_GATEWAY_PUBLIC_URL     --public-url=     the address browsers use, if not that one
 *   SANDBOX_GATEWAY_WEBHOOK_URL    --webhook-url=    where to POST events (the shop's /webhooks/payments)
 *   SANDBOX_GATEWAY_CHAOS          --chaos=          off | on | duplicate=0.2,delay=3000,seed=7
 *   SANDBOX_GATEWAY_API_KEY                          the key the shop must send (required)
 *   SANDBOX_GATEWAY_WEBHOOK_SECRET                   the key webhooks are signed with (required)
 */
export interface GatewaySettings {
  host: string;
  port: number;
  publicUrl: string | undefined;
  webhookUrl: string | undefined;
  apiKey: string;
  webhookSecret: string;
  chaos: ChaosSettings;
}

/** The demo's chaos: one event in five delivered twice, up to 3 s of extra delay (events overtake each other). */
export const demoChaos = { duplicateProbability: 0.2, maxExtraDelayMs: 3000 };

export class SettingsError extends Error {}

export function readGatewaySettings(
  env: Record<string, string | undefined>,
  args: readonly string[],
  randomSeed = () => Math.floor(Math.random() * 2 ** 31),
): GatewaySettings {
  const flags = new Map<string, string>();
  for (const arg of args) {
    const match = /^--(url|public-url|webhook-url|chaos)=(.*)$/.exec(arg);
    if (!match)
      throw new SettingsError(`Unknown argument "${arg}": use --url=, --public-url=, --webhook-url= or --chaos=`);
    flags.set(match[1]!, match[2]!);
  }
  const read = (flag: string, variable: string) => {
    const value = (flags.get(flag) ?? env[variable])?.trim();
    return value === '' ? undefined : value;
  };
  const secret = (variable: string) => {
    const value = env[variable]?.trim();
    if (!value || value.length < 16) throw new SettingsError(`${variable} is required (16 characters at least)`);
    return value;
  };
  const url = (flag: string, variable: string) => {
    const value = read(flag, variable);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed;
    } catch {}
    throw new SettingsError(`${variable} (--${flag}) must be an http:// or https:// URL (got "${value}")`);
  };

  const listen = url('url', 'SANDBOX_GATEWAY_URL') ?? new URL('http://127.0.0.1:4242');
  return {
    host: listen.hostname.replace(/^\[|\]$/g, ''),
    port: listen.port === '' ? (listen.protocol === 'https:' ? 443 : 80) : Number(listen.port),
    publicUrl: url('public-url', 'SANDBOX_GATEWAY_PUBLIC_URL')?.origin,
    webhookUrl: url('webhook-url', 'SANDBOX_GATEWAY_WEBHOOK_URL')?.href,
    apiKey: secret('SANDBOX_GATEWAY_API_KEY'),
    webhookSecret: secret('SANDBOX_GATEWAY_WEBHOOK_SECRET'),
    chaos: readChaos(read('chaos', 'SANDBOX_GATEWAY_CHAOS') ?? 'on', randomSeed),
  };
}

/** `off`, `on` (the demo's), or `duplicate=<0..1>,delay=<ms>,seed=<integer>` (any of the three). */
export function readChaos(raw: string, randomSeed: () => number): ChaosSettings {
  if (raw === 'off') return { duplicateProbability: 0, maxExtraDelayMs: 0, seed: 1 };
  if (raw === 'on') return { ...demoChaos, seed: randomSeed() };
  const chaos: ChaosSettings = { duplicateProbability: 0, maxExtraDelayMs: 0, seed: randomSeed() };
  for (const part of raw.split(',')) {
    const [key, value = ''] = part.split('=').map((s) => s.trim());
    const number = Number(value);
    if (key === 'duplicate' && value !== '' && number >= 0 && number <= 1) chaos.duplicateProbability = number;
    else if (key === 'delay' && /^\d+$/.test(value) && number <= 3_600_000) chaos.maxExtraDelayMs = number;
    else if (key === 'seed' && /^\d+$/.test(value)) chaos.seed = number;
    else {
      throw new SettingsError(
        `SANDBOX_GATEWAY_CHAOS must be off, on, or duplicate=<0 to 1>,delay=<ms>,seed=<integer> (got "${raw}")`,
      );
    }
  }
  return chaos;
}
