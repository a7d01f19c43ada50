import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { cookieHeaderOf, signedInStaff } from '../../../test/staff.js';
import type { Visitor } from '../../../test/visitor.js';
import { tablesOf } from '../../platform/db/database.js';
import {
  jpeg3x2,
  jpegWithMetadata,
  png,
  secrets,
  webp3x2,
  webpWithMetadata,
} from '../../platform/media/images.fixture.js';
import type { CatalogTables } from './catalog-tables.js';

const english = { headers: { 'accept-language': 'en' } };
const french = { headers: { 'accept-language': 'fr' } };
/** Many requests come from one address here: the rate limits are raised, so every one reaches the forms. */
const unlimited = { RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000', RATE_LIMIT_WRITES_PER_MINUTE: '1000000' };

const alts = { alt_en: 'The hoodie, front, with the { } print', alt_fr: 'Le sweat, de face, avec l’imprimé { }' };

interface Upload {
  name: string;
  type?: string;
  bytes: Buffer;
}

/** A multipart form as a browser sends it (FormData, serialised by the platform's own Response). */
async function multipartBody(fields: Record<string, string>, files: [string, Upload][]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [field, file] of files)
    form.append(
      field,
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    type: response.headers.get('content-type') ?? '',
  };
}

describeEachEngine(
  'product photos',
  (suite) => {
    const db = () => tablesOf<CatalogTables>(suite.database);
    const mediaDir = () => path.join(suite.context.config.dataDir, 'media', 'products');
    const mediaFiles = () => (fs.existsSync(mediaDir()) ? fs.readdirSync(mediaDir()).sort() : []);
    const productId = async (slug: string) =>
      (await db().selectFrom('catalog_products').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const photosOf = (id: string) =>
      db().selectFrom('catalog_product_images').selectAll().where('product_id', '=', id).orderBy('position').execute();
    const everything = async () => ({
      rows: await db().selectFrom('catalog_product_images').selectAll().orderBy('id').execute(),
      files: mediaFiles(),
    });

    /** Opens the product's edit page (for its token), then sends the upload form as the browser would. */
    async function upload(
      browser: Visitor,
      id: string,
      file: Upload | undefined,
      fields: Record<string, string> = alts,
      options: { csrf?: string; language?: 'en' | 'fr'; files?: [string, Upload][] } = {},
    ): Promise<LightMyRequestResponse> {
      const page = await browser.get(`/admin/catalog/${id}`);
      const token = options.csrf ?? /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const body = await multipartBody(
        { _csrf: token, ...fields },
        options.files ?? (file ? [['photo', file]] : [['photo', { name: '', bytes: Buffer.alloc(0) }]]),
      );
      return suite.app.inject({
        method: 'POST',
        url: `/admin/catalog/${id}/photos`,
        headers: {
          'accept-language': options.language ?? 'en',
          cookie: cookieHeaderOf(browser),
          'content-type': body.type,
        },
        payload: body.payload,
      });
    }

    it('marketing uploads a JPEG with GPS Exif, a PNG and a WebP: stored without their metadata, named by their hash, shown on the shop at once', async () => {
      const { browser } = await signedInStaff(suite, 'marketing', english);
      const id = await productId('code-academy-hoodie');
      const phone = jpegWithMetadata(jpeg3x2);
      const sent = await upload(browser, id, { name: 'IMG_0042.JPG', type: 'image/jpeg', bytes: phone });
      expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303);
      expect(sent.headers.location).toBe(`/admin/catalog/${id}?done=photo-added#photos`);
      const panel = await browser.get(String(sent.headers.location).replace('#photos', ''));
      expect(panel.body).toContain('Photo added: the shop shows it now.');
      expect(panel.body).toContain('Main photo');

      const second = await upload(
        browser,
        id,
        { name: 'back.png', type: 'image/png', bytes: png(40, 30) },
        {
          alt_en: 'The hoodie, back',
          alt_fr: 'Le sweat, de dos',
        },
      );
      expect(second.statusCode).toBe(303);
      // A WebP sent as "image/jpeg" named .jpg: the bytes say what it is.
      const third = await upload(
        browser,
        id,
        { name: 'sleeve.jpg', type: 'image/jpeg', bytes: webpWithMetadata(webp3x2) },
        {
          alt_en: 'The sleeve, close up',
          alt_fr: 'La manche, de près',
        },
      );
      expect(third.statusCode).toBe(303);

      const rows = await photosOf(id);
      expect(rows.map((r) => [r.position, r.content_type, r.width, r.height, r.alt_en])).toEqual([
        [0, 'image/jpeg', 3, 2, alts.alt_en],
        [1, 'image/png', 40, 30, 'The hoodie, back'],
        [2, 'image/webp', 3, 2, 'The sleeve, close up'],
      ]);
      for (const row of rows) {
        const stored = fs.readFileSync(path.join(mediaDir(), row.file_name));
        expect(row.file_name).toBe(
          `${createHash('sha256').update(stored).digest('hex')}.${row.file_name.split('.')[1]}`,
        );
        expect(row.bytes).toBe(stored.length);
        for (const secret of Object.values(secrets)) expect(stored.toString('latin1'), secret).not.toContain(secret);
      }
      // The JPEG kept is the picture without its Exif: no APP1 segment at all.
      const jpeg = fs.readFileSync(path.join(mediaDir(), rows[0]?.file_name ?? ''));
      expect(jpeg.includes(Buffer.from('Exif'))).toBe(false);
      expect(jpeg.equals(jpeg3x2)).toBe(true);
      const [main, back, sleeve] = rows.map((r) => `/media/products/${r.file_name}`);

      const page = await suite.app.inject({ url: '/en/catalog/code-academy-hoodie' });
      expect(page.body).toContain(
        `<img class="product-photo" src="${main}" width="3" height="2" alt="The hoodie, front, with the { } print" decoding="async" fetchpriority="high"/>`,
      );
      expect(page.body).toContain(
        `<img class="product-gallery-photo" src="${back}" width="40" height="30" alt="The hoodie, back" decoding="async" loading="lazy"/>`,
      );
      expect(page.body).toContain(`src="${sleeve}"`);
      expect(page.body).not.toContain('class="cover cover--large"');
      const structured = JSON.parse(
        /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)?.[1] ?? '{}',
      );
      expect(structured.image).toEqual(rows.map((r) => `http://127.0.0.1:3000/media/products/${r.file_name}`));
      const fr = await suite.app.inject({ url: '/fr/catalogue/code-academy-hoodie' });
      expect(fr.body).toContain('alt="Le sweat, de face, avec l’imprimé { }"');
      expect(fr.body).toContain('alt="Le sweat, de dos"');

      // The cards show the main photo, lazily; a product without photos keeps its cover art.
      for (const url of ['/en/catalog', '/en']) {
        const list = await suite.app.inject({ url });
        expect(list.body, url).toContain(
          `<img class="cover cover--photo" src="${main}" width="3" height="2" alt="The hoodie, front, with the { } print" decoding="async" loading="lazy"/>`,
        );
        expect(list.body, url).toContain('<svg class="cover"');
      }
      // The JSON API gives them too.
      const api = (await suite.app.inject({ url: '/api/v1/products/code-academy-hoodie?locale=fr' })).json();
      expect(api.product.photos[0]).toEqual({ url: main, width: 3, height: 2, alt: alts.alt_fr });
      // The page may show them: its policy allows images from the shop itself.
      expect(page.headers['content-security-policy']).toContain("img-src 'self'");
    });

    it('serves a photo with a year-long immutable cache, its hash as ETag, 304 when the browser has it, HEAD too; any other name is a 404', async () => {
      const { browser } = await signedInStaff(suite, 'owner', english);
      const id = await productId('developer-notebook');
      expect((await upload(browser, id, { name: 'n.png', bytes: png(5, 4) })).statusCode).toBe(303);
      const [row] = await photosOf(id);
      const name = row?.file_name ?? '';
      const url = `/media/products/${name}`;
      const photo = await suite.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/png');
      expect(photo.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(photo.headers['x-content-type-options']).toBe('nosniff');
      expect(photo.headers.etag).toBe(`"${name.slice(0, 64)}"`);
      expect(photo.headers['content-encoding']).toBeUndefined();
      expect(photo.rawPayload.equals(fs.readFileSync(path.join(mediaDir(), name)))).toBe(true);
      expect(Number(photo.headers['content-length'])).toBe(photo.rawPayload.length);

      for (const tag of [photo.headers.etag, `W/${photo.headers.etag}`, `"other", ${photo.headers.etag}`, '*']) {
        const again = await suite.app.inject({ url, headers: { 'if-none-match': String(tag) } });
        expect(again.statusCode, String(tag)).toBe(304);
        expect(again.body).toBe('');
        expect(again.headers.etag).toBe(photo.headers.etag);
        expect(again.headers['cache-control']).toContain('immutable');
      }
      expect((await suite.app.inject({ url, headers: { 'if-none-match': '"other"' } })).statusCode).toBe(200);
      const head = await suite.app.inject({ method: 'HEAD', url });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(Number(head.headers['content-length'])).toBe(photo.rawPayload.length);

      const hash = name.slice(0, 64);
      for (const other of [
        `/media/products/${hash.toUpperCase()}.png`,
        `/media/products/${hash}.svg`,
        `/media/products/${hash}.png.tmp`,
        `/media/products/${hash.slice(1)}.png`,
        `/media/products/${'0'.repeat(64)}.png`,
        '/media/products/..%2F..%2Fsecrets.json',
        '/media/products/%2E%2E%2Fvitrine.sqlite',
        `/media/products/${hash}.png%00`,
        '/media/products/',
        `/media/${name}`,
      ]) {
        const response = await suite.app.inject({ url: other });
        expect([400, 404], other).toContain(response.statusCode);
        expect(response.headers['content-type'], other).toContain('text/html');
      }
    });

    it('refuses what is not a usable photo, or without its descriptions, by its fields in the staff member’s language, and changes nothing', async () => {
      const { browser } = await signedInStaff(suite, 'owner', french);
      const id = await productId('sticker-pack');
      const before = await everything();
      const refusals: [string, Upload | undefined, Record<string, string>, string, string][] = [
        [
          'text renamed .jpg',
          { name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('Just some text, named like a photo.') },
          alts,
          'photo',
          'n’est pas une photo JPEG, PNG ou WebP',
        ],
        [
          'a PNG header with garbage',
          { name: 'x.png', type: 'image/png', bytes: Buffer.concat([png(2, 2).subarray(0, 16), Buffer.alloc(200, 7)]) },
          alts,
          'photo',
          'ne peut pas être lue jusqu’au bout',
        ],
        [
          'empty',
          { name: 'empty.jpg', type: 'image/jpeg', bytes: Buffer.alloc(0) },
          alts,
          'photo',
          'Ce fichier est vide',
        ],
        [
          'over 5 MB',
          { name: 'big.jpg', type: 'image/jpeg', bytes: Buffer.concat([jpeg3x2, Buffer.alloc(5 * 1024 * 1024)]) },
          alts,
          'photo',
          'Cette photo dépasse 5 Mo',
        ],
        ['over 8000 pixels', { name: 'wide.png', bytes: png(8001, 1) }, alts, 'photo', 'dépasse 8000 pixels'],
        ['no file chosen', undefined, alts, 'photo', 'Choisissez une photo à envoyer'],
        [
          'no English description',
          { name: 'a.png', bytes: png(3, 3) },
          { ...alts, alt_en: '  ' },
          'alt_en',
          'Décrivez ce que montre la photo',
        ],
        [
          'no French description',
          { name: 'a.png', bytes: png(3, 3) },
          { alt_en: alts.alt_en },
          'alt_fr',
          'Décrivez ce que montre la photo',
        ],
        [
          'a description too long',
          { name: 'a.png', bytes: png(3, 3) },
          { ...alts, alt_fr: 'x'.repeat(251) },
          'alt_fr',
          'C’est trop long',
        ],
      ];
      const fr = { language: 'fr' } as const;
      for (const [label, file, fields, field, words] of refusals) {
        const refused = await upload(browser, id, file, fields, fr);
        expect(refused.statusCode, label).toBe(400);
        expect(refused.body, label).toContain('Certaines informations ne sont pas valides');
        expect(refused.body, label).toMatch(new RegExp(`id="field-${field}-error">[^<]*${words}`));
        expect(await everything(), label).toEqual(before);
      }
      // What was typed comes back; the token and the file do not.
      const kept = await upload(browser, id, undefined, { alt_en: 'Kept <b>as typed</b>', alt_fr: '' }, fr);
      expect(kept.body).toContain('value="Kept &lt;b>as typed&lt;/b>"');
      // A 5 MB file exactly is not too large (and then read for what it is: not a photo).
      const exactly = await upload(browser, id, { name: 'x.jpg', bytes: Buffer.alloc(5 * 1024 * 1024, 1) }, alts, fr);
      expect(exactly.body).toMatch(/id="field-photo-error">[^<]*n’est pas une photo/);
      // Two files, or a form far beyond the limits: a clear 4xx page, never a 500.
      const two = await upload(browser, id, undefined, alts, {
        ...fr,
        files: [
          ['photo', { name: 'a.png', bytes: png(2, 2) }],
          ['photo', { name: 'b.png', bytes: png(3, 2) }],
        ],
      });
      expect(two.statusCode).toBe(413);
      expect(two.body).toContain('Trop de données');
      const huge = await upload(
        browser,
        id,
        { name: 'huge.jpg', bytes: Buffer.alloc(12 * 1024 * 1024, 0xff) },
        alts,
        fr,
      );
      expect(huge.statusCode).toBe(400);
      expect(huge.body).toContain('Cette photo dépasse 5 Mo');
      expect(await everything()).toEqual(before);
    });

    it('puts photos in order, the first the main one, changes their descriptions, and removes them with their file when no row names it', async () => {
      const { browser } = await signedInStaff(suite, 'marketing', english);
      const id = await productId('git-github-one-day');
      const otherId = await productId('sql-from-zero');
      for (const [i, bytes] of [png(10, 10), png(20, 10), png(30, 10)].entries())
        expect(
          (await upload(browser, id, { name: `${i}.png`, bytes }, { alt_en: `Photo ${i}`, alt_fr: `Photo ${i}` }))
            .statusCode,
        ).toBe(303);
      const [a, b, c] = await photosOf(id);
      const mainOf = async () =>
        /class="product-photo" src="([^"]+)"/.exec(
          (await suite.app.inject({ url: '/en/catalog/git-github-one-day' })).body,
        )?.[1];
      expect(await mainOf()).toBe(`/media/products/${a?.file_name}`);

      await browser.get(`/admin/catalog/${id}`);
      const up = await browser.post(`/admin/catalog/${id}/photos/${c?.id}/move`, { direction: 'up' });
      expect(up.headers.location).toBe(`/admin/catalog/${id}?done=photo-moved#photos`);
      expect((await browser.post(`/admin/catalog/${id}/photos/${c?.id}/move`, { direction: 'up' })).statusCode).toBe(
        303,
      );
      expect((await photosOf(id)).map((p) => p.id)).toEqual([c?.id, a?.id, b?.id]);
      // The shop shows the new main photo at once.
      expect(await mainOf()).toBe(`/media/products/${c?.file_name}`);
      // At either end it stays; a wrong direction is refused.
      await browser.post(`/admin/catalog/${id}/photos/${c?.id}/move`, { direction: 'up' });
      await browser.post(`/admin/catalog/${id}/photos/${b?.id}/move`, { direction: 'down' });
      expect(
        (await browser.post(`/admin/catalog/${id}/photos/${b?.id}/move`, { direction: 'sideways' })).statusCode,
      ).toBe(400);
      expect((await photosOf(id)).map((p) => [p.id, p.position])).toEqual([
        [c?.id, 0],
        [a?.id, 1],
        [b?.id, 2],
      ]);
      await browser.post(`/admin/catalog/${id}/photos/${a?.id}/move`, { direction: 'down' });
      expect((await photosOf(id)).map((p) => p.id)).toEqual([c?.id, b?.id, a?.id]);

      const described = await browser.post(`/admin/catalog/${id}/photos/${c?.id}`, {
        alt_en: 'Laptops on a long table',
        alt_fr: 'Des portables sur une longue table',
      });
      expect(described.headers.location).toBe(`/admin/catalog/${id}?done=photo-saved#photos`);
      expect((await suite.app.inject({ url: '/fr/catalogue/git-github-one-day' })).body).toContain(
        'alt="Des portables sur une longue table"',
      );
      const blank = await browser.post(`/admin/catalog/${id}/photos/${c?.id}`, { alt_en: '', alt_fr: 'Encore là' });
      expect(blank.statusCode).toBe(400);
      expect(blank.body).toContain(`id="photo-${c?.id}-alt_en-error"`);
      expect(blank.body).toContain('value="Encore là"');
      expect((await photosOf(id))[0]?.alt_en).toBe('Laptops on a long table');

      // The same photo on another product: one file, two rows.
      expect((await upload(browser, otherId, { name: 'same.png', bytes: png(20, 10) })).statusCode).toBe(303);
      const shared = b?.file_name ?? '';
      expect(mediaFiles().filter((f) => f === shared)).toHaveLength(1);
      // Nor twice on one product.
      const twice = await upload(browser, id, { name: 'again.png', bytes: png(20, 10) });
      expect(twice.statusCode).toBe(400);
      expect(twice.body).toContain('already among the product’s photos');

      await browser.get(`/admin/catalog/${id}`);
      const removed = await browser.post(`/admin/catalog/${id}/photos/${b?.id}/remove`);
      expect(removed.headers.location).toBe(`/admin/catalog/${id}?done=photo-removed#photos`);
      expect(mediaFiles()).toContain(shared);
      expect((await suite.app.inject({ url: `/media/products/${shared}` })).statusCode).toBe(200);
      expect((await photosOf(id)).map((p) => [p.id, p.position])).toEqual([
        [c?.id, 0],
        [a?.id, 1],
      ]);
      const [sharedRow] = await photosOf(otherId);
      await browser.get(`/admin/catalog/${otherId}`);
      expect((await browser.post(`/admin/catalog/${otherId}/photos/${sharedRow?.id}/remove`)).statusCode).toBe(303);
      expect(mediaFiles()).not.toContain(shared);
      expect((await suite.app.inject({ url: `/media/products/${shared}` })).statusCode).toBe(404);

      for (const photo of [c, a]) await browser.post(`/admin/catalog/${id}/photos/${photo?.id}/remove`);
      expect(await photosOf(id)).toEqual([]);
      expect(mediaFiles()).not.toContain(c?.file_name);
      // Without photos, the cover art is back.
      expect((await suite.app.inject({ url: '/en/catalog/git-github-one-day' })).body).toContain(
        'class="cover cover--large"',
      );
      // A photo of another product, or none, is not found.
      expect((await browser.post(`/admin/catalog/${otherId}/photos/${a?.id}/remove`)).statusCode).toBe(404);
      expect((await browser.post(`/admin/catalog/${id}/photos/nope/move`, { direction: 'up' })).statusCode).toBe(404);
    });

    it('holds twelve photos a product at most', async () => {
      const { browser } = await signedInStaff(suite, 'owner', english);
      const id = await productId('react-in-depth');
      for (let i = 1; i <= 12; i += 1)
        expect((await upload(browser, id, { name: `${i}.png`, bytes: png(i, 1) })).statusCode, String(i)).toBe(303);
      const before = await everything();
      const thirteenth = await upload(browser, id, { name: '13.png', bytes: png(13, 1) });
      expect(thirteenth.statusCode).toBe(400);
      expect(thirteenth.body).toContain('at most 12 photos');
      expect(await everything()).toEqual(before);
    });

    it('is refused to support and accountants, and to a forged form, who change nothing', async () => {
      const { browser: owner } = await signedInStaff(suite, 'owner', english);
      const id = await productId('developer-notebook');
      expect((await upload(owner, id, { name: 'o.png', bytes: png(7, 7) })).statusCode).toBe(303);
      const photo = (await photosOf(id)).at(-1);
      const before = await everything();
      for (const role of ['support', 'accountant']) {
        const { browser } = await signedInStaff(suite, role, english);
        expect((await upload(browser, id, { name: 'r.png', bytes: png(9, 9) })).statusCode, role).toBe(403);
        await browser.get('/admin');
        for (const [action, form] of [
          [`/admin/catalog/${id}/photos/${photo?.id}`, alts],
          [`/admin/catalog/${id}/photos/${photo?.id}/move`, { direction: 'up' }],
          [`/admin/catalog/${id}/photos/${photo?.id}/remove`, {}],
        ] as const)
          expect((await browser.post(action, form)).statusCode, `${role} ${action}`).toBe(403);
      }
      // The owner's own form without its token, or with a made-up one.
      for (const csrf of ['', 'forged.token']) {
        const forged = await upload(owner, id, { name: 'f.png', bytes: png(9, 9) }, alts, { csrf });
        expect(forged.statusCode).toBe(403);
        expect(forged.body).toContain('Form expired');
      }
      // Nobody signed in.
      const body = await multipartBody(alts, [['photo', { name: 'a.png', bytes: png(9, 9) }]]);
      const anonymous = await suite.app.inject({
        method: 'POST',
        url: `/admin/catalog/${id}/photos`,
        headers: { 'content-type': body.type },
        payload: body.payload,
      });
      expect(anonymous.statusCode).toBe(403);
      expect(await everything()).toEqual(before);
    });

    it('withstands hostile multipart bodies and descriptions: never a 5xx, and what is refused changes nothing', async () => {
      const { browser } = await signedInStaff(suite, 'owner', english);
      const id = await productId('developer-notebook');
      const page = await browser.get(`/admin/catalog/${id}`);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const before = await everything();
      const send = (type: string, payload: Buffer | string) =>
        suite.app.inject({
          method: 'POST',
          url: `/admin/catalog/${id}/photos`,
          headers: { cookie: cookieHeaderOf(browser), 'content-type': type, 'x-xsrf-token': token },
          payload,
        });
      const boundary = 'b0undary';
      const part = (headers: string, body: string) => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
      const bodies: [string, string, Buffer | string][] = [
        ['no boundary', 'multipart/form-data', '--x\r\n'],
        [
          'cut in the middle',
          `multipart/form-data; boundary=${boundary}`,
          part('Content-Disposition: form-data; name="alt_en"', 'x').slice(0, 30),
        ],
        [
          'no closing boundary',
          `multipart/form-data; boundary=${boundary}`,
          part('Content-Disposition: form-data; name="photo"; filename="a.png"', 'abc'),
        ],
        [
          'prototype field',
          `multipart/form-data; boundary=${boundary}`,
          `${part('Content-Disposition: form-data; name="__proto__"', 'x')}--${boundary}--\r\n`,
        ],
        [
          'JSON field',
          `multipart/form-data; boundary=${boundary}`,
          `${part('Content-Disposition: form-data; name="alt_en"\r\nContent-Type: application/json', '{bad')}--${boundary}--\r\n`,
        ],
        [
          'photo as text',
          `multipart/form-data; boundary=${boundary}`,
          `${part('Content-Disposition: form-data; name="photo"', 'not a file')}--${boundary}--\r\n`,
        ],
        [
          'many fields',
          `multipart/form-data; boundary=${boundary}`,
          `${Array.from({ length: 30 }, (_, i) => part(`Content-Disposition: form-data; name="f${i}"`, 'x')).join('')}--${boundary}--\r\n`,
        ],
        [
          'a huge field',
          `multipart/form-data; boundary=${boundary}`,
          `${part('Content-Disposition: form-data; name="alt_en"', 'x'.repeat(100_000))}--${boundary}--\r\n`,
        ],
        [
          'NUL in a description',
          `multipart/form-data; boundary=${boundary}`,
          `${part('Content-Disposition: form-data; name="alt_en"', 'a\u0000b')}--${boundary}--\r\n`,
        ],
        ['form body', 'application/x-www-form-urlencoded', 'alt_en=x&photo=%00'],
        ['JSON body', 'application/json', '{"photo":{"bytes":"x"},"alt_en":["a"]}'],
      ];
      const failures: string[] = [];
      for (const [label, type, payload] of bodies) {
        const response = await send(type, payload);
        if (response.statusCode >= 500 || response.statusCode < 400) failures.push(`${label}: ${response.statusCode}`);
        else if (!response.body.includes('<h1')) failures.push(`${label}: no page`);
      }
      expect(failures).toEqual([]);
      const photo = (await photosOf(id))[0];
      for (const value of ['\u0000', 'a\u0000b', '\ud800', 'x'.repeat(5000), '<script>alert(1)</script>']) {
        const response = await browser.post(`/admin/catalog/${id}/photos/${photo?.id}`, {
          alt_en: value,
          alt_fr: value,
        });
        if (response.statusCode >= 500)
          failures.push(`describe ${JSON.stringify(value.slice(0, 10))}: ${response.statusCode}`);
      }
      expect(failures).toEqual([]);
      const after = await everything();
      expect(after.files).toEqual(before.files);
      expect(after.rows.map((r) => r.id)).toEqual(before.rows.map((r) => r.id));
    });
  },
  { env: unlimited },
);
