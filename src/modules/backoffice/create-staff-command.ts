import { parseArgs } from 'node:util';
import { AppError } from '../../platform/http/errors.js';
import { staffRoles } from './staff-access.js';
import type { BackofficeServices } from './backoffice-services.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { fieldProblemText } from '../../web/field-wording.js';
import { readSecret } from './read-secret.js';

const usage = `Usage: npm run vitrine -- staff:create --role <${staffRoles.join('|')}> --email <address> [--name "Full Name"]
The password is asked twice without echo (or read from the first line of standard input when it is not a terminal).`;

/**
 * Where the printed address comes from. It is PUBLIC_URL, the same setting the server puts in
 * its emailed links; without it, `http://HOST:PORT` of THIS command's environment, which is
 * 3000 when the server was started with another PORT in another shell: say so, rather than
 * print a wrong port with confidence.
 */
export function addressSource(env: Record<string, string | undefined>): string {
  if (env.PUBLIC_URL?.trim()) return '(This address is PUBLIC_URL, as the server uses it in the links it emails.)';
  return '(PUBLIC_URL is not set, so this address is http://HOST:PORT from this command’s environment: if the server runs with another HOST, PORT or PUBLIC_URL, use its address, and set PUBLIC_URL for both.)';
}

/**
 * `staff:create`: creates a staff account from the server's shell, the only way to create the
 * first owner (no one can sign in to the back office before). Two-factor sign-in is set up by
 * the person at their first sign-in, so the key never passes through this terminal.
 */
export async function createStaffCommand(
  argv: string[],
  platform: PlatformContext,
  services: BackofficeServices,
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (!values.role || !values.email) throw new Error(usage);
  const password = await readSecret('Password (10 characters or more): ', { confirm: 'Repeat the password: ' });
  try {
    const staff = await services.staff.create({
      email: values.email,
      name: values.name ?? values.email.split('@')[0] ?? values.email,
      role: values.role,
      password,
    });
    process.stdout.write(
      `Staff account created: ${staff.name} <${staff.email}>, role ${staff.role}.\n` +
        `Sign in at ${platform.config.publicUrl}/admin/sign-in; the first sign-in sets up two-factor codes with an authenticator app.\n` +
        `${addressSource(process.env)}\n`,
    );
  } catch (error) {
    if (error instanceof AppError && error.details?.fields) {
      const problems = Object.entries(error.details.fields).map(
        ([field, problem]) => `  ${field}: ${fieldProblemText(problem, 'en')}`,
      );
      throw new Error(`The staff account was not created:\n${problems.join('\n')}\n\n${usage}`);
    }
    throw error;
  }
}
