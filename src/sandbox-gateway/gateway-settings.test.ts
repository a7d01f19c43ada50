import { describe, expect, it } from 'vitest';
import { readChaos, readGatewaySettings } from './gateway-settings.js';

const keys = {
  SANDBOX_GATEWAY_API_KEY: 'sk_sandbox_0123456789abcdef',
  SANDBOX_GATEWAY_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
};

describe('the standalone gateway settings', () => {
  it('listens on 127.0.0.1:4242 with the demo chaos by default', () => {
    expect(readGatewaySettings(keys, [], () => 7)).toEqual({
      host: '127.0.0.1',
      port: 4242,
      publicUrl: undefined,
      webhookUrl: undefined,
      apiKey: keys.SANDBOX_GATEWAY_API_KEY,
      webhookSecret: keys.SANDBOX_GATEWAY_WEBHOOK_SECRET,
      chaos: { duplicateProbability: 0.2, maxExtraDelayMs: 3000, seed: 7 },
    });
  });

  it('reads the environment, and the command line over it', () => {
    const settings = readGatewaySettings(
      {
        ...keys,
        SANDBOX_GATEWAY_URL: 'http://0.0.0.0:5000',
        SANDBOX_GATEWAY_WEBHOOK_URL: 'http://shop:3000/webhooks/payments',
      },
      ['--url=http://[::1]:6000', '--chaos=off', '--public-url=https://pay.example.com/'],
    );
    expect(settings).toMatchObject({
      host: '::1',
      port: 6000,
      publicUrl: 'https://pay.example.com',
      webhookUrl: 'http://shop:3000/webhooks/payments',
      chaos: { duplicateProbability: 0, maxExtraDelayMs: 0 },
    });
  });

  it.each([
    [{}, [], 'SANDBOX_GATEWAY_API_KEY is required'],
    [{ ...keys, SANDBOX_GATEWAY_WEBHOOK_SECRET: 'short' }, [], 'SANDBOX_GATEWAY_WEBHOOK_SECRET is required'],
    [keys, ['--webhook-url=ftp://x'], 'SANDBOX_GATEWAY_WEBHOOK_URL (--webhook-url) must be an http:// or https:// URL'],
    [keys, ['--port=80'], 'Unknown argument "--port=80"'],
    [keys, ['--chaos=sometimes'], 'SANDBOX_GATEWAY_CHAOS must be off, on, or duplicate='],
    [keys, ['--chaos=duplicate=2'], 'SANDBOX_GATEWAY_CHAOS must be off'],
  ])('refuses %j %j', (env, args, message) => {
    expect(() => readGatewaySettings(env, args)).toThrow(message);
  });

  it('reads a chaos of its own: any of duplicate, delay and seed', () => {
    expect(readChaos('duplicate=0.5,delay=100,seed=42', () => 1)).toEqual({
      duplicateProbability: 0.5,
      maxExtraDelayMs: 100,
      seed: 42,
    });
    expect(readChaos('delay=250', () => 9)).toEqual({ duplicateProbability: 0, maxExtraDelayMs: 250, seed: 9 });
  });
});
