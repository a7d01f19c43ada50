import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bodyOf, formSchema } from '../../platform/http/forms.js';
import { requireStaff } from '../backoffice/index.js';
import type { CatalogAdminService } from './catalog-admin-service.js';
import { photoUploads, uploadedFile } from './photo-upload-reader.js';
import { readDirection, readPhotoTexts, readPhotoUpload } from './product-photo-input.js';
import type { ProductPhotos } from './product-photos.js';
import type { CatalogFormState } from './views/admin-catalog-pages.js';

type PhotoParams = { Params: { id: string; photo: string } };

/** What the catalog's routes share with these: run a change, or show the product's page again with a refusal. */
export type CatalogChange = (
  request: FastifyRequest,
  reply: FastifyReply,
  form: string,
  work: () => Promise<string>,
  again: (state: CatalogFormState) => Promise<FastifyReply>,
) => Promise<FastifyReply>;
export type ProductPageAgain = (
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  state: CatalogFormState,
) => Promise<FastifyReply>;

/**
 * A product's photos in the back office (/admin/catalog/:id/photos…), for the roles with
 * catalog.manage: upload (multipart, photo-upload-reader.ts), describe, move up or down, remove.
 * Each change goes back to the Photos panel of the product's page (#photos); a refused one shows
 * the page again with the problems by their fields, and changes nothing.
 */
export async function productPhotoRoutes(
  admin: FastifyInstance,
  kit: { catalog: CatalogAdminService; photos: ProductPhotos; change: CatalogChange; again: ProductPageAgain },
) {
  const { catalog, photos, change } = kit;
  const access = { access: { staff: 'catalog.manage' } as const };
  const guard = requireStaff('catalog.manage');
  const done = (id: string, notice: string) => `/admin/catalog/${id}?done=${notice}#photos`;

  await photoUploads(admin, (uploads) => {
    uploads.post<{ Params: { id: string } }>(
      '/catalog/:id/photos',
      { preHandler: guard, config: { ...access, csrf: 'after-body' } },
      (request, reply) => {
        const { id } = request.params;
        const body = bodyOf(request);
        return change(
          request,
          reply,
          'photo-upload',
          async () => {
            const { image, texts } = readPhotoUpload(body, uploadedFile(request));
            await catalog.get(id);
            await photos.add(id, image, texts);
            return done(id, 'photo-added');
          },
          // Only the descriptions are typed back: never the token or a file.
          (state) =>
            kit.again(request, reply, id, {
              ...state,
              values: { alt_en: body.alt_en ?? '', alt_fr: body.alt_fr ?? '' },
            }),
        );
      },
    );
  });

  admin.post<PhotoParams>(
    '/catalog/:id/photos/:photo',
    { preHandler: guard, config: access, schema: formSchema(['alt_en', 'alt_fr']) },
    (request, reply) => {
      const { id, photo } = request.params;
      return change(
        request,
        reply,
        `photo:${photo}`,
        async () => {
          await photos.describe(id, photo, readPhotoTexts(bodyOf(request)));
          return done(id, 'photo-saved');
        },
        (state) => kit.again(request, reply, id, state),
      );
    },
  );

  admin.post<PhotoParams>(
    '/catalog/:id/photos/:photo/move',
    { preHandler: guard, config: access, schema: formSchema(['direction']) },
    (request, reply) => {
      const { id, photo } = request.params;
      return change(
        request,
        reply,
        `photo:${photo}`,
        async () => {
          await photos.move(id, photo, readDirection(bodyOf(request)));
          return done(id, 'photo-moved');
        },
        (state) => kit.again(request, reply, id, state),
      );
    },
  );

  admin.post<PhotoParams>(
    '/catalog/:id/photos/:photo/remove',
    { preHandler: guard, config: access },
    (request, reply) => {
      const { id, photo } = request.params;
      return change(
        request,
        reply,
        `photo:${photo}`,
        async () => {
          await photos.remove(id, photo);
          return done(id, 'photo-removed');
        },
        (state) => kit.again(request, reply, id, state),
      );
    },
  );
}
