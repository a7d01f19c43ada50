import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jpegWithMetadata, secrets } from '../../src/platform/media/images.fixture.js';
import { lookAt } from './look-at.js';
import { shopInChromium } from './shop-in-chromium.js';
import { signInStaffFirstTime } from './staff-sign-in.js';

const shop = shopInChromium();

describe('the catalog in the back office, in Chromium', () => {
  it('marketing adds a workshop with a session and publishes it; a visitor sees it on the shop and can buy a seat', async () => {
    const staff = { email: 'marketing@codeacademy.example', role: 'marketing', password: 'poster meadow lantern 77' };
    shop.server.createStaff(staff);
    // bypassCSP lets the accessibility checker run in the page (our CSP rightly refuses it).
    const context = await shop.browser.newContext({ locale: 'en-GB', bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await signInStaffFirstTime(page, `${shop.server.baseUrl}/admin/catalog`, staff);
    problems.push(...(await lookAt(page, 'staff-catalog')));

    await page.getByRole('link', { name: 'Add a product' }).click();
    await page.getByLabel('Web address (slug)').fill('rust-for-web-developers');
    await page.getByLabel('Kind').selectOption('workshop');
    await page.getByLabel('Price in euros, VAT included').fill('390');
    // A mistake first: both names are required; the page says which, and keeps what was typed.
    await page.getByRole('button', { name: 'Create the product' }).click();
    await expect.poll(() => page.locator('.field--invalid').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Web address (slug)').inputValue()).toBe('rust-for-web-developers');
    problems.push(...(await lookAt(page, 'staff-catalog-new-invalid')));

    const english = page.getByRole('group', { name: 'English' });
    const french = page.getByRole('group', { name: 'French' });
    await english.getByLabel('Name').fill('Rust for Web Developers');
    await english
      .getByLabel('Summary (one or two sentences)')
      .fill('Two days of Rust, from ownership to a web server.');
    await english.getByLabel('Description').fill('Ownership, borrowing and async, on a real project.');
    await french.getByLabel('Name').fill('Rust pour les développeurs web');
    await french
      .getByLabel('Summary (one or two sentences)')
      .fill('Deux jours de Rust, de la possession à un serveur web.');
    await french.getByLabel('Description').fill('Possession, emprunt et async, sur un vrai projet.');
    await page.getByRole('button', { name: 'Create the product' }).click();
    await page.waitForURL('**/admin/catalog/*?done=created');

    await page.getByLabel('Starts (Paris time)').fill('2027-03-06T09:30');
    await page.getByLabel('Place (unless online)').fill('35 rue le Marois, Paris');
    await page.getByLabel('Seats').fill('12');
    await page.getByRole('button', { name: 'Add a session' }).click();
    await page.waitForURL('**/admin/catalog/*?done=offer');
    problems.push(...(await lookAt(page, 'staff-catalog-product')));
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.waitForURL('**/admin/catalog/*?done=status');
    expect(await page.locator('main').textContent()).toContain('Status: Published.');

    const visitor = await shop.browser.newPage({ locale: 'en-GB' });
    await visitor.goto(`${shop.server.baseUrl}/en/catalog/rust-for-web-developers`);
    expect(await visitor.locator('h1').textContent()).toBe('Rust for Web Developers');
    const main = (await visitor.locator('main').textContent()) ?? '';
    expect(main).toContain('€390.00');
    expect(main).toContain('35 rue le Marois, Paris');
    expect(main).toMatch(/6 March 2027/);
    expect(main).toMatch(/12 seats left/);
    await expect.poll(() => visitor.getByRole('button', { name: /Add to cart/ }).count()).toBe(1);
    await visitor.close();

    // Photos: a phone photo (GPS position and device in its Exif) uploaded with the form's file
    // field, then a second one; the visitor sees the first large, the second below it.
    await page.goto(`${shop.server.baseUrl}/admin/catalog`);
    await page.getByRole('link', { name: 'Rust for Web Developers' }).click();
    const photos = page.getByRole('region', { name: 'Photos' });
    const uploadForm = photos.getByRole('form', { name: 'Add a photo' });
    for (const [scene, altEn, altFr] of [
      [
        'laptop',
        'A laptop showing Rust code, beside a cup of coffee',
        'Un ordinateur portable affichant du code Rust, à côté d’une tasse de café',
      ],
      [
        'board',
        'A whiteboard with the ownership rules drawn on it',
        'Un tableau blanc où sont dessinées les règles de possession',
      ],
    ] as const) {
      const photo = jpegWithMetadata(await drawnPhoto(page, scene));
      await uploadForm
        .getByLabel('Photo', { exact: true })
        .setInputFiles({ name: `IMG_${scene}.JPG`, mimeType: 'image/jpeg', buffer: photo });
      await uploadForm.getByLabel('Description in English').fill(altEn);
      await uploadForm.getByLabel('Description in French').fill(altFr);
      await uploadForm.getByRole('button', { name: 'Upload the photo' }).click();
      await page.waitForURL('**/admin/catalog/*?done=photo-added#photos');
    }
    expect(await photos.textContent()).toContain('Photo added: the shop shows it now.');
    problems.push(...(await lookAt(page, 'staff-catalog-photos')));

    const reader = await shop.browser.newContext({ locale: 'en-GB', bypassCSP: true });
    const shopper = await reader.newPage();
    shopper.on('pageerror', (error) => problems.push(error.message));
    await shopper.goto(`${shop.server.baseUrl}/en/catalog/rust-for-web-developers`);
    const mainPhoto = shopper.getByRole('img', { name: 'A laptop showing Rust code, beside a cup of coffee' });
    await mainPhoto.waitFor();
    // Decoded by the browser (the file kept is a whole JPEG), at the size its attributes said.
    await expect.poll(() => mainPhoto.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600);
    expect(await mainPhoto.getAttribute('width')).toBe('1600');
    const second = shopper.getByRole('img', { name: 'A whiteboard with the ownership rules drawn on it' });
    expect(await second.getAttribute('loading')).toBe('lazy');
    // What the shop serves has no trace of where the photo was taken, nor with what.
    const served = await shopper.evaluate(
      async (src) => {
        const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
        return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
      },
      (await mainPhoto.getAttribute('src')) ?? '',
    );
    for (const secret of Object.values(secrets)) expect(served).not.toContain(secret);
    expect(served).not.toContain('Exif');
    problems.push(...(await lookAt(shopper, 'product-with-photos')));
    await shopper.goto(`${shop.server.baseUrl}/en/catalog?kind=workshop`);
    await expect
      .poll(() => shopper.locator('img.cover--photo').evaluate((img: HTMLImageElement) => img.alt))
      .toBe('A laptop showing Rust code, beside a cup of coffee');
    problems.push(...(await lookAt(shopper, 'catalog-with-photo')));
    await reader.close();

    expect(problems).toEqual([]);
    await context.close();
  });
});

/** A 1600 × 1000 JPEG drawn in the page (a canvas), as a phone would give one: a scene, not a flat colour. */
async function drawnPhoto(page: Page, scene: 'laptop' | 'board'): Promise<Buffer> {
  const bytes = await page.evaluate(async (what) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1600;
    canvas.height = 1000;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    const light = g.createLinearGradient(0, 0, 1600, 1000);
    light.addColorStop(0, what === 'laptop' ? '#f5efe6' : '#eef2f7');
    light.addColorStop(1, what === 'laptop' ? '#d9cbb6' : '#c9d3e0');
    g.fillStyle = light;
    g.fillRect(0, 0, 1600, 1000);
    g.fillStyle = what === 'laptop' ? '#8b6b4a' : '#94a3b8';
    g.fillRect(0, 760, 1600, 240);
    if (what === 'laptop') {
      g.fillStyle = '#1f2937';
      g.beginPath();
      g.roundRect(430, 250, 740, 470, 22);
      g.fill();
      g.fillStyle = '#0f172a';
      g.fillRect(460, 280, 680, 410);
      const colours = ['#f97316', '#38bdf8', '#a3e635', '#e2e8f0', '#f472b6'];
      for (let line = 0; line < 12; line += 1) {
        g.fillStyle = colours[line % colours.length] as string;
        g.fillRect(490 + (line % 3) * 40, 310 + line * 30, 180 + ((line * 97) % 320), 14);
      }
      g.fillStyle = '#9ca3af';
      g.beginPath();
      g.moveTo(360, 760);
      g.lineTo(1240, 760);
      g.lineTo(1170, 720);
      g.lineTo(430, 720);
      g.fill();
      g.fillStyle = '#fafafa';
      g.beginPath();
      g.ellipse(1330, 690, 70, 22, 0, 0, Math.PI * 2);
      g.fill();
      g.fillRect(1260, 600, 140, 90);
      g.fillStyle = '#5b3a1e';
      g.beginPath();
      g.ellipse(1330, 600, 70, 20, 0, 0, Math.PI * 2);
      g.fill();
    } else {
      g.fillStyle = '#ffffff';
      g.fillRect(250, 140, 1100, 600);
      g.strokeStyle = '#64748b';
      g.lineWidth = 14;
      g.strokeRect(250, 140, 1100, 600);
      g.font = 'bold 64px sans-serif';
      g.fillStyle = '#1d4ed8';
      g.fillText('fn main() { let s = String::new(); }', 300, 300);
      g.fillStyle = '#b91c1c';
      g.fillText('1. one owner   2. &borrow   3. drop', 300, 450);
      g.strokeStyle = '#16a34a';
      g.lineWidth = 8;
      g.beginPath();
      g.moveTo(320, 560);
      g.bezierCurveTo(600, 700, 900, 480, 1260, 620);
      g.stroke();
    }
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/jpeg', 0.85));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  }, scene);
  return Buffer.from(bytes);
}
