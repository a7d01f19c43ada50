import type { Locale } from '../http/i18n.js';

const words = {
  en: {
    on: 'on',
    unknownBrowser: 'Unknown browser',
    unknownDevice: 'unknown device',
    mobile: 'phone',
    tablet: 'tablet',
    desktop: 'computer',
  },
  fr: {
    on: 'sur',
    unknownBrowser: 'Navigateur inconnu',
    unknownDevice: 'appareil inconnu',
    mobile: 'téléphone',
    tablet: 'tablette',
    desktop: 'ordinateur',
  },
} as const;

export type DeviceDescriber = (userAgent: string | null, locale: Locale) => string;

/**
 * "Firefox 128 on Windows (computer)": the approximate device a session was used from, read from
 * the browser's user agent, so a member can tell their own devices from a stranger's. The parser
 * (bowser) is loaded when the devices page first needs it, not at start-up.
 */
export async function loadDeviceDescriber(): Promise<DeviceDescriber> {
  const { default: Bowser } = await import('bowser');
  return (userAgent, locale) => {
    const t = words[locale];
    if (!userAgent) return `${t.unknownBrowser} (${t.unknownDevice})`;
    const parsed = Bowser.parse(userAgent);
    const major = parsed.browser.version?.split('.')[0];
    const browser = parsed.browser.name ? `${parsed.browser.name}${major ? ` ${major}` : ''}` : t.unknownBrowser;
    const os = parsed.os.name ? ` ${t.on} ${parsed.os.name}` : '';
    const type = parsed.platform.type;
    const kind = type === 'mobile' || type === 'tablet' || type === 'desktop' ? t[type] : t.unknownDevice;
    return `${browser}${os} (${kind})`;
  };
}
