import { describe, expect, it } from 'vitest';
import { loadDeviceDescriber } from './device-description.js';

const describeDevice = await loadDeviceDescriber();

describe('describeDevice', () => {
  it('names browser, system and kind of device in the visitor’s language', () => {
    const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
    expect(describeDevice(firefox, 'en')).toBe('Firefox 128 on Windows (computer)');
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    expect(describeDevice(iphone, 'fr')).toBe('Safari 17 sur iOS (téléphone)');
  });

  it('says so when the user agent is missing or unknown', () => {
    expect(describeDevice(null, 'en')).toBe('Unknown browser (unknown device)');
    expect(describeDevice('curl/8.5.0', 'fr')).toMatch(/^(Navigateur inconnu|curl 8)/);
  });
});
