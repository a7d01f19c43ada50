/**
 * Where the gateway writes what it does: one object per line (main.ts hands them to pino). Never
 * a card number, a security code, a request body or a URL with its query: routes are logged by
 * pattern, events by id and type.
 */
export interface GatewayLogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  [field: string]: unknown;
}

export type GatewayLog = (entry: GatewayLogEntry) => void;

export const silentLog: GatewayLog = () => {};
