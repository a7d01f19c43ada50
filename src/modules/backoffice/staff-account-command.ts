import { parseArgs } from 'node:util';
import type { BackofficeServices } from './backoffice-services.js';
import { AppError, errorCatalog } from '../../platform/http/errors.js';

export type StaffAccountAction = 'reset-2fa' | 'disable' | 'enable';

const done: Record<StaffAccountAction, string> = {
  'reset-2fa':
    'Two-factor sign-in reset (key and recovery codes cleared, sessions ended): the next sign-in sets it up again.',
  disable: 'Account disabled, sessions ended: it can no longer sign in.',
  enable: 'Account re-enabled: it can sign in again.',
};

const usageOf = (action: StaffAccountAction) => `Usage: npm run vitrine -- staff:${action} --email <address>`;

/**
 * `staff:reset-2fa`, `staff:disable`, `staff:enable`: what an owner does on the staff page, from
 * the server's shell, for when no owner can sign in (the last owner lost their authenticator app
 * and their recovery codes). Audited like the page's actions, with 'cli' as the actor.
 * `out` lets tests read what it prints.
 */
export async function staffAccountCommand(
  action: StaffAccountAction,
  argv: string[],
  services: BackofficeServices,
  out: (text: string) => void = (text) => process.stdout.write(text),
): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' } }, strict: true });
  if (!values.email) throw new Error(usageOf(action));
  try {
    const management = services.staffManagement;
    const staff = await management.findByEmail(values.email);
    if (!staff) throw new Error(`No staff account has the address ${values.email}.\n${usageOf(action)}`);
    if (action === 'reset-2fa') await management.resetTwoFactor('cli', staff.id);
    else if (action === 'disable') await management.disable('cli', staff.id);
    else await management.enable('cli', staff.id);
    out(`${staff.name} <${staff.email}>: ${done[action]}\n`);
  } catch (error) {
    if (error instanceof AppError) throw new Error(`${errorCatalog[error.code].message.en}`);
    throw error;
  }
}
