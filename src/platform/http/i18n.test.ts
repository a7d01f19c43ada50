import { describe, expect, it } from 'vitest';
import { localeOfPath, negotiateLocale } from './i18n.js';

describe('language negotiation', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.8,fr;q=0.7', 'en'],
    ['fr-CA;q=0.5,en;q=0.4', 'fr'],
    ['es, *;q=0.1', 'fr'],
    ['en;q=0, fr;q=0.1', 'fr'],
    ['en;q=garbage', 'fr'],
  ])('Accept-Language %j gives %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('reads the language from the first path segment only', () => {
    expect(localeOfPath('/en/catalog')).toBe('en');
    expect(localeOfPath('/fr')).toBe('fr');
    expect(localeOfPath('/english/catalog')).toBeUndefined();
    expect(localeOfPath('/admin/en')).toBeUndefined();
    expect(localeOfPath('/en?x=1')).toBe('en');
    expect(localeOfPath('/fr#top')).toBe('fr');
  });
});
