import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  payThroughHostedPage,
  startTestSandboxGateway,
  testCards,
  type TestSandboxGateway,
} from '../../../test/sandbox-gateway.js';
import { buyer, offerIdsOn } from '../../../test/shop.js';
import { type Database, openDatabase, tablesOf } from '../../platform/db/database.js';
import { pgUrlVariable, testEngines } from '../../platform/db/test-engines.js';
import { projectRoot } from '../../platform/project-root.js';
import type { InvoiceTables } from '../invoices/invoices-tables.js';
import type { CommerceTables } from './commerce-tables.js';

/**
 * The shop killed with SIGKILL after the buyer paid and before the gateway's webhook reached it (a
 * real child process, its database on disk or in PostgreSQL), then started again: the gateway
 * keeps retrying, and in the end there is one paid order, one invoice, one charge, nothing lost.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A browser over real HTTP: keeps cookies, posts forms with the last page's CSRF token. */
class HttpBuyer {
  private readonly cookies = new Map<string, string>();
  private csrf = '';
  constructor(private readonly base: string) {}

  async get(url: string) {
    return this.remember(await fetch(this.base + url, { headers: this.headers(), redirect: 'manual' }));
  }

  async post(url: string, form: Record<string, string>) {
    return this.remember(
      await fetch(this.base + url, {
        method: 'POST',
        headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: this.csrf, ...form }).toString(),
        redirect: 'manual',
      }),
    );
  }

  private headers(): Record<string, string> {
    return { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  }

  private async remember(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), value ?? '');
    }
    const body = await response.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.csrf;
    return { status: response.status, location: response.headers.get('location') ?? '', body };
  }
}

for (const engine of testEngines()) {
  describe(`a shop killed between the payment and its webhook [${engine.name}]`, () => {
    let gateway: TestSandboxGateway;
    let env: Record<string, string>;
    let shop: ChildProcess | undefined;
    let base = '';
    let target: Parameters<typeof openDatabase>[0];
    let cleanup: () => Promise<void> = async () => {};
    const output: string[] = [];

    beforeAll(async () => {
      gateway = await startTestSandboxGateway();
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-crash-'));
      let databaseUrl: string;
      if (engine.name === 'sqlite') {
        const file = path.join(dataDir, 'shop.sqlite');
        target = { engine: 'sqlite', file };
        databaseUrl = `sqlite:${file}`;
        cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
      } else {
        // A database of its own: the shop process migrates it as in production.
        const url = new URL(process.env[pgUrlVariable] ?? '');
        const name = `vitrine_crash_${Date.now().toString(36)}`;
        const admin = new pg.Client({ connectionString: url.href });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        url.pathname = `/${name}`;
        databaseUrl = url.href;
        target = { engine: 'postgres', url: url.href };
        cleanup = async () => {
          const client = new pg.Client({ connectionString: process.env[pgUrlVariable] });
          await client.connect();
          await client.query(`drop database if exists ${name} with (force)`);
          await client.end();
          fs.rmSync(dataDir, { recursive: true, force: true });
        };
      }
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      gateway.setWebhookUrl(`${base}/webhooks/payments`);
      env = {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        ...gateway.env,
        SANDBOX_GATEWAY_START: 'false',
      };
    }, 60_000);

    afterAll(async () => {
      shop?.kill('SIGKILL');
      await gateway?.close();
      await cleanup();
    });

    /** Starts the shop from source as its own process and waits until it answers. */
    async function startShop() {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: projectRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk) => output.push(String(chunk)));
      child.stderr?.on('data', (chunk) => output.push(String(chunk)));
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the shop exited:\n${output.join('')}`);
        if (
          await fetch(`${base}/health/ready`).then(
            (r) => r.ok,
            () => false,
          )
        )
          return child;
        if (Date.now() > deadline) throw new Error(`the shop did not start:\n${output.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    it('ends with exactly one paid order, one invoice and one charge after a SIGKILL and a restart', async () => {
      shop = await startShop();
      const person = new HttpBuyer(base);
      const product = await person.get('/en/catalog/javascript-fundamentals');
      const [offer] = offerIdsOn(product.body);
      expect((await person.post('/en/cart/add', { offer: offer ?? '', quantity: '1' })).status).toBe(303);
      const form = await person.get('/en/checkout');
      const keys = {
        cart: /name="cart" value="([^"]+)"/.exec(form.body)?.[1] ?? '',
        checkout_key: /name="checkout_key" value="([^"]+)"/.exec(form.body)?.[1] ?? '',
      };
      const email = `crash-${engine.name}@example.com`;
      const placed = await person.post('/en/checkout', { ...buyer, ...keys, email });
      expect(placed.status, placed.body.slice(0, 300)).toBe(303);

      // The gateway takes the money, but its webhook is held: then the shop dies without a word.
      gateway.pauseDeliveries();
      const paid = await payThroughHostedPage(placed.location, testCards.success);
      expect(paid.outcome).toBe('succeeded');
      shop.kill('SIGKILL');
      await new Promise((resolve) => shop?.once('exit', resolve));
      // The gateway tries while the shop is down (refused), and keeps trying with backoff.
      gateway.resumeDeliveries();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(gateway.deliveries().some((delivery) => delivery.status === 'error')).toBe(true);

      shop = await startShop();
      await gateway.waitForDeliveries();
      // Paid by the retried webhook alone, before the buyer's browser comes back.
      const check = await openDatabase(target);
      const [settled] = await tablesOf<CommerceTables>(check)
        .selectFrom('commerce_orders')
        .select(['status', 'invoice_number'])
        .where('email', '=', email)
        .execute();
      await check.close();
      expect(settled).toMatchObject({ status: 'paid', invoice_number: expect.stringMatching(/^FA-/) });
      // The buyer comes back too (the return page asks the gateway): it must not settle it twice.
      const back = new URL(paid.outcome === 'succeeded' ? paid.redirectTo : '');
      expect((await person.get(back.pathname + back.search)).status).toBe(200);

      const database: Database = await openDatabase(target);
      try {
        const orders = await tablesOf<CommerceTables>(database)
          .selectFrom('commerce_orders')
          .selectAll()
          .where('email', '=', email)
          .execute();
        expect(orders).toHaveLength(1);
        expect(orders[0]).toMatchObject({ status: 'paid', card_last4: '4242', buyer_name: buyer.name });
        const invoices = await tablesOf<InvoiceTables>(database)
          .selectFrom('invoices_documents')
          .selectAll()
          .where('order_id', '=', orders[0]?.id ?? '')
          .execute();
        expect(invoices.map((invoice) => invoice.kind)).toEqual(['invoice']);
        const refunds = await tablesOf<CommerceTables>(database).selectFrom('commerce_refunds').selectAll().execute();
        expect(refunds).toEqual([]);
      } finally {
        await database.close();
      }
      // One charge at the gateway for this order: one payment.succeeded raised, no refund.
      expect(gateway.events().filter((event) => event.type === 'payment.succeeded')).toHaveLength(1);
      expect(gateway.events().filter((event) => event.type.startsWith('refund.'))).toEqual([]);
    }, 180_000);
  });
}
