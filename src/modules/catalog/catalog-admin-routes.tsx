import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { visitorLocale } from '../../platform/http/error-handler.js';
import { AppError } from '../../platform/http/errors.js';
import { bodyOf, formSchema } from '../../platform/http/forms.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { pageContext } from '../../web/page-context.js';
import { requireStaff, signedInStaff } from '../backoffice/index.js';
import type { CatalogAdmin } from './catalog-admin.js';
import { readOfferForm, readProductForm } from './catalog-admin-input.js';
import {
  AdminCatalogPage,
  AdminProductPage,
  type CatalogFormState,
  type CatalogNotice,
  catalogNotices,
} from './views/admin-catalog-pages.js';

const productFields = [
  'slug',
  'kind',
  'status',
  'price',
  'vat_rate',
  'name_en',
  'summary_en',
  'description_en',
  'name_fr',
  'summary_fr',
  'description_fr',
];
const offerFields = ['starts_at', 'hours', 'online', 'place', 'available', 'label_en', 'label_fr', 'archived'];

/**
 * The catalog of the back office (/admin/catalog), for the roles with catalog.manage (owner,
 * marketing): products created, edited, published, archived; sessions and sizes added, their
 * seats or stock set. Plain forms; a refused one comes back with the problems by the fields.
 */
export function catalogAdminRoutes(admin: FastifyInstance, platform: PlatformContext, catalog: CatalogAdmin) {
  const guard = requireStaff('catalog.manage');
  const access = { staff: 'catalog.manage' } as const;
  const page = (request: FastifyRequest, reply: FastifyReply) =>
    pageContext(request, reply, { locale: visitorLocale(request), shop: platform.shop.identity() });

  const productPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | undefined,
    extra: { notice?: CatalogNotice; state?: CatalogFormState } = {},
  ) => {
    const product = id ? await catalog.find(id) : undefined;
    if (id && !product) throw new AppError('VT_NOT_FOUND');
    return reply
      .header('cache-control', 'no-store')
      .html(
        <AdminProductPage ctx={page(request, reply)} staff={signedInStaff(request)} product={product} {...extra} />,
      );
  };

  /** Runs a change; a refusal shows the form again with what was typed, and changes nothing. */
  const change = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | undefined,
    work: () => Promise<string>,
  ) => {
    try {
      return reply.redirect(await work(), 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code === 'VT_NOT_FOUND') throw error;
      reply.code(error.status);
      return productPage(request, reply, id, {
        state: { code: error.code, fields: error.details?.fields, values: bodyOf(request) },
      });
    }
  };

  admin.get('/catalog', { preHandler: guard, config: { access } }, async (request, reply) =>
    reply
      .header('cache-control', 'no-store')
      .html(
        <AdminCatalogPage
          ctx={page(request, reply)}
          staff={signedInStaff(request)}
          products={await catalog.list(visitorLocale(request))}
        />,
      ),
  );

  admin.get('/catalog/new', { preHandler: guard, config: { access } }, (request, reply) =>
    productPage(request, reply, undefined),
  );

  admin.post(
    '/catalog',
    { preHandler: guard, config: { access }, schema: formSchema(productFields) },
    (request, reply) =>
      change(request, reply, undefined, async () => {
        const id = await catalog.create(readProductForm(bodyOf(request)));
        return `/admin/catalog/${id}?done=created`;
      }),
  );

  admin.get<{ Params: { id: string }; Querystring: { done?: CatalogNotice } }>(
    '/catalog/:id',
    {
      preHandler: guard,
      config: { access },
      schema: { querystring: { type: 'object', properties: { done: { type: 'string', enum: [...catalogNotices] } } } },
    },
    (request, reply) => productPage(request, reply, request.params.id, { notice: request.query.done }),
  );

  admin.post<{ Params: { id: string } }>(
    '/catalog/:id',
    { preHandler: guard, config: { access }, schema: formSchema(productFields) },
    (request, reply) =>
      change(request, reply, request.params.id, async () => {
        await catalog.update(request.params.id, readProductForm(bodyOf(request)));
        return `/admin/catalog/${request.params.id}?done=saved`;
      }),
  );

  admin.post<{ Params: { id: string } }>(
    '/catalog/:id/archive',
    { preHandler: guard, config: { access } },
    (request, reply) =>
      change(request, reply, request.params.id, async () => {
        await catalog.archive(request.params.id);
        return '/admin/catalog';
      }),
  );

  admin.post<{ Params: { id: string } }>(
    '/catalog/:id/offers',
    { preHandler: guard, config: { access }, schema: formSchema(offerFields) },
    (request, reply) =>
      change(request, reply, request.params.id, async () => {
        const product = await catalog.find(request.params.id);
        if (!product) throw new AppError('VT_NOT_FOUND');
        const kind = product.product.kind as Parameters<typeof readOfferForm>[1];
        await catalog.addOffer(product.product.id, readOfferForm(bodyOf(request), kind));
        return `/admin/catalog/${product.product.id}?done=offer`;
      }),
  );

  admin.post<{ Params: { id: string; offer: string } }>(
    '/catalog/:id/offers/:offer',
    { preHandler: guard, config: { access }, schema: formSchema(offerFields) },
    (request, reply) =>
      change(request, reply, request.params.id, async () => {
        const body = bodyOf(request);
        const raw = (body.available ?? '').trim();
        if (raw !== '' && !/^\d{1,6}$/.test(raw))
          throw new AppError('VT_VALIDATION', { fields: { available: 'stock' } });
        await catalog.updateOffer(request.params.id, request.params.offer, {
          available: raw === '' ? null : Number(raw),
          archived: body.archived === '1',
        });
        return `/admin/catalog/${request.params.id}?done=offer`;
      }),
  );
}
