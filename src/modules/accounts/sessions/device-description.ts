import Bowser from 'bowser';
import type { Locale } from '../../../platform/http/i18n.js';

const words = {
  en: { on: 'on', unknownBrowser: 'Unknown browser', unknownDevice: 'unknown device', mobile: 'phone', tablet: 'tablet', desktop: 'computer' },
  fr: { on: 'sur', unknownBrowser: 'Navigateur inconnu', unknownDevice: 'appareil inconnu', mobile: 'téléphone', tablet: 'tablette', desktop: 'ordinateur' },
} as const;

/**
 * "Firefox 128 on Windows (computer)": the approximate device a session was used from, read from
 * the browser's user agent, so a member can tell their own devices from a stranger's.
 */
export function describeDevice(userAgent: string | null, locale: Locale): string {
  const t = words[locale];
  if (!userAgent) return `${t.unknownBrowser} (${t.unknownDevice})`;
  const parsed = Bowser.parse(userAgent);
  const major = parsed.browser.version?.split('.')[0];
  const browser = parsed.browser.name ? `${parsed.browser.name}${major ? ` ${major}` : ''}` : t.unknownBrowser;
  const os = parsed.os.name ? ` ${t.on} ${parsed.os.name}` : '';
  const type = parsed.platform.type;
  const kind = type === 'mobile' || type === 'tablet' || type === 'desktop' ? t[type] : t.unknownDevice;
  return `${browser}${os} (${kind})`;
}
