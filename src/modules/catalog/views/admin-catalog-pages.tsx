import { formatDate, formatMoney } from '../../../platform/format.js';
import { type Locale, defineWording } from '../../../platform/http/i18n.js';
import { formatVatRate } from '../../../platform/vat.js';
import { Checkbox, CsrfField, Field, FormAlert, Notice, SelectField } from '../../../web/components/form.js';
import { ScrollTable } from '../../../web/components/scroll-table.js';
import type { PageContext } from '../../../web/page-context.js';
import { paths } from '../../../web/paths.js';
import { type StaffPrincipal, StaffLayout } from '../../backoffice/index.js';
import { type ProductStatus, coverNames, parisLocal, vatRates } from '../catalog-admin-input.js';
import type { AdminProduct, AdminProductLine } from '../catalog-admin-service.js';
import type { OfferRow } from '../offer-store.js';
import type { ProductImageRow } from '../product-image-store.js';
import { formats, levels, productKinds } from '../product.js';
import { type PhotoNotice, PhotosPanel, photoNotices } from './admin-product-photos.js';
import { ActionButton, type CatalogFormState, type FormValues, formOf } from './catalog-forms.js';
import { productWording } from './product-wording.js';

export type { CatalogFormState };

const text = defineWording({
  en: {
    title: 'Catalog',
    lead: 'Courses, workshops and goods: what the shop sells, at what price, and what is left of each.',
    add: 'Add a product',
    name: 'Name',
    kind: 'Kind',
    status: 'Status',
    price: 'Price',
    offers: 'Offers',
    left: 'Left',
    unlimited: 'Unlimited',
    statuses: { active: 'Published', draft: 'Draft', archived: 'Archived' },
    newTitle: 'New product',
    editTitle: (name: string) => `Edit ${name}`,
    back: 'All products',
    slug: 'Web address (slug)',
    slugHint: 'The end of the product page’s address, the same in both languages: /en/catalog/…',
    priceLabel: 'Price in euros, VAT included',
    priceHint: 'Such as 49, 49.50 or 49,50.',
    vat: 'VAT rate',
    level: 'Level',
    format: 'Format',
    duration: 'Length in hours',
    taught: 'For courses and workshops',
    none: '—',
    cover: 'Cover art',
    featured: 'Shown on the home page',
    publish: 'Publish it at once (otherwise it stays a draft that only staff see)',
    english: 'English',
    french: 'French',
    nameLabel: 'Name',
    summary: 'Summary (one or two sentences)',
    description: 'Description',
    descriptionHint: 'A blank line starts a new paragraph.',
    highlights: 'Highlights',
    highlightsHint: 'One a line, up to 12.',
    save: 'Save',
    create: 'Create the product',
    statusNow: (status: string) => `Status: ${status}.`,
    publishNow: 'Publish',
    unpublish: 'Unpublish (back to draft)',
    restore: 'Restore as a draft',
    archive: 'Archive',
    archiveLead: 'Archived, it leaves the shop; orders that name it keep it. Products are never deleted.',
    view: 'See it on the shop',
    offersTitle: 'Sessions, sizes and stock',
    offersNone: 'Nothing to buy yet: add a session, a size, or the item’s offer below.',
    offer: 'Offer',
    available: 'Left to sell',
    availableHint: 'What is still for sale; empty: unlimited.',
    set: 'Set',
    edit: 'Edit',
    archiveOffer: 'Archive',
    restoreOffer: 'Put back on sale',
    archived: 'archived',
    single: 'Sold as it is',
    addSession: 'Add a session',
    addOffer: 'Add a size, or the item’s offer',
    addOfferHint: 'Leave the labels empty to sell the item as it is (one offer); give labels to sell it in sizes.',
    startsAt: 'Starts (Paris time)',
    endsAt: 'Ends (Paris time, optional)',
    scheduleEn: 'Schedule in English (optional)',
    scheduleFr: 'Schedule in French (optional)',
    scheduleHint: 'Such as “Mondays and Wednesdays, 7 to 9.30 pm”.',
    online: 'Online',
    place: 'Place (unless online)',
    seats: 'Seats',
    labelEn: 'Label in English',
    labelFr: 'Label in French',
    sku: 'SKU (optional)',
    stock: 'Stock',
    offerPrice: 'Own price in euros (optional)',
    offerPriceHint: 'Empty: the product’s price.',
    offerTitle: { session: 'Edit the session', variant: 'Edit the size', single: 'Edit the offer' },
    backTo: (name: string) => `Back to ${name}`,
    done: {
      created: 'The product is created. Add its sessions or sizes below, then publish it.',
      saved: 'Saved: the shop shows it now.',
      status: 'Status changed: the shop shows it now.',
      offer: 'Offer saved: the shop shows it now.',
    },
  },
  fr: {
    title: 'Catalogue',
    lead: 'Cours, ateliers et articles : ce que vend la boutique, à quel prix, et ce qu’il en reste.',
    add: 'Ajouter un produit',
    name: 'Nom',
    kind: 'Type',
    status: 'Statut',
    price: 'Prix',
    offers: 'Offres',
    left: 'Restant',
    unlimited: 'Illimité',
    statuses: { active: 'Publié', draft: 'Brouillon', archived: 'Archivé' },
    newTitle: 'Nouveau produit',
    editTitle: (name: string) => `Modifier ${name}`,
    back: 'Tous les produits',
    slug: 'Adresse web (slug)',
    slugHint: 'La fin de l’adresse de la page produit, la même dans les deux langues : /fr/catalogue/…',
    priceLabel: 'Prix TTC en euros',
    priceHint: 'Comme 49, 49,50 ou 49.50.',
    vat: 'Taux de TVA',
    level: 'Niveau',
    format: 'Format',
    duration: 'Durée en heures',
    taught: 'Pour les cours et les ateliers',
    none: '—',
    cover: 'Illustration',
    featured: 'Affiché sur la page d’accueil',
    publish: 'Le publier tout de suite (sinon il reste un brouillon visible du seul personnel)',
    english: 'Anglais',
    french: 'Français',
    nameLabel: 'Nom',
    summary: 'Résumé (une ou deux phrases)',
    description: 'Description',
    descriptionHint: 'Une ligne vide commence un nouveau paragraphe.',
    highlights: 'Points forts',
    highlightsHint: 'Un par ligne, 12 au plus.',
    save: 'Enregistrer',
    create: 'Créer le produit',
    statusNow: (status: string) => `Statut : ${status}.`,
    publishNow: 'Publier',
    unpublish: 'Dépublier (retour au brouillon)',
    restore: 'Restaurer en brouillon',
    archive: 'Archiver',
    archiveLead:
      'Archivé, il quitte la boutique ; les commandes qui le citent le gardent. Un produit n’est jamais supprimé.',
    view: 'Le voir sur la boutique',
    offersTitle: 'Sessions, tailles et stock',
    offersNone: 'Rien à acheter pour l’instant : ajoutez ci-dessous une session, une taille ou l’offre de l’article.',
    offer: 'Offre',
    available: 'Restant à vendre',
    availableHint: 'Ce qui reste en vente ; vide : illimité.',
    set: 'Fixer',
    edit: 'Modifier',
    archiveOffer: 'Archiver',
    restoreOffer: 'Remettre en vente',
    archived: 'archivée',
    single: 'Vendu tel quel',
    addSession: 'Ajouter une session',
    addOffer: 'Ajouter une taille, ou l’offre de l’article',
    addOfferHint:
      'Laissez les libellés vides pour vendre l’article tel quel (une offre) ; donnez des libellés pour le vendre en tailles.',
    startsAt: 'Début (heure de Paris)',
    endsAt: 'Fin (heure de Paris, facultative)',
    scheduleEn: 'Horaires en anglais (facultatif)',
    scheduleFr: 'Horaires en français (facultatif)',
    scheduleHint: 'Comme « Lundis et mercredis, 19 h – 21 h 30 ».',
    online: 'En ligne',
    place: 'Lieu (sauf en ligne)',
    seats: 'Places',
    labelEn: 'Libellé en anglais',
    labelFr: 'Libellé en français',
    sku: 'Référence (facultative)',
    stock: 'Stock',
    offerPrice: 'Prix propre en euros (facultatif)',
    offerPriceHint: 'Vide : le prix du produit.',
    offerTitle: { session: 'Modifier la session', variant: 'Modifier la taille', single: 'Modifier l’offre' },
    backTo: (name: string) => `Retour à ${name}`,
    done: {
      created: 'Le produit est créé. Ajoutez ci-dessous ses sessions ou ses tailles, puis publiez-le.',
      saved: 'Enregistré : la boutique l’affiche désormais.',
      status: 'Statut modifié : la boutique l’affiche désormais.',
      offer: 'Offre enregistrée : la boutique l’affiche désormais.',
    },
  },
});

const coverWording: Record<(typeof coverNames)[number], string> = {
  js: 'JavaScript (JS)',
  stack: 'Full stack (</>)',
  py: 'Python (Py)',
  react: 'React (⚛)',
  git: 'Git',
  a11y: 'A11y',
  sql: 'SQL',
  notebook: '✎',
  hoodie: '{ }',
  stickers: ';)',
};

/** What a change's redirect says it did (`?done=`): the product's changes at the top, the photos' in their panel. */
export type CatalogNotice = keyof (typeof text)['en']['done'] | PhotoNotice;
export const catalogNotices = [
  'created',
  'saved',
  'status',
  'offer',
  ...photoNotices,
] as const satisfies readonly CatalogNotice[];
const isPhotoNotice = (notice: CatalogNotice | undefined): notice is PhotoNotice =>
  (photoNotices as readonly string[]).includes(notice ?? '');

const eurosText = (cents: number | null, locale: Locale) =>
  cents === null ? '' : locale === 'fr' ? (cents / 100).toFixed(2).replace('.', ',') : (cents / 100).toFixed(2);

export function AdminCatalogPage(props: { ctx: PageContext; staff: StaffPrincipal; products: AdminProductLine[] }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const w = productWording[ctx.locale];
  return (
    <StaffLayout ctx={ctx} title={t.title} staff={props.staff}>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p>
        <a class="button" href="/admin/catalog/new">
          {t.add}
        </a>
      </p>
      <ScrollTable label={t.title} headers={[t.name, t.kind, t.status, t.price, t.offers, t.left]}>
        {props.products.map((product) => (
          <tr key={product.id}>
            <td>
              <a href={`/admin/catalog/${product.id}`}>{product.name}</a>
              <br />
              <span class="muted small">{product.slug}</span>
            </td>
            <td>{w.kind[product.kind]}</td>
            <td>
              <StatusBadge locale={ctx.locale} status={product.status} />
            </td>
            <td class="num">{formatMoney(product.priceCents, product.currency, ctx.locale)}</td>
            <td class="num">{product.offers}</td>
            <td class="num">{product.available === null ? t.unlimited : product.available}</td>
          </tr>
        ))}
      </ScrollTable>
    </StaffLayout>
  );
}

function StatusBadge(props: { locale: Locale; status: ProductStatus }) {
  const label = text[props.locale].statuses[props.status];
  return <span class={props.status === 'active' ? 'badge' : 'badge badge--quiet'}>{label}</span>;
}

/** A datetime-local field in Paris time (browsers without it show a text box: "2027-01-11T19:30" works there too). */
function WhenField(props: { name: string; label: string; value: string; error?: string }) {
  const id = `field-${props.name}`;
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="datetime-local"
        name={props.name}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The form of a new product, or of one being edited with its status and offers. */
export function AdminProductPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal;
  product?: AdminProduct;
  photos?: ProductImageRow[];
  notice?: CatalogNotice;
  state?: CatalogFormState;
}) {
  const { ctx, product } = props;
  const notice = props.notice;
  const t = text[ctx.locale];
  const w = productWording[ctx.locale];
  const p = product?.product;
  const f = formOf(props.state, 'product', ctx.locale);
  const title = product ? t.editTitle(product.texts[ctx.locale].name) : t.newTitle;
  const blank: [string, string] = ['', t.none];
  return (
    <StaffLayout ctx={ctx} title={title} staff={props.staff}>
      <p>
        <a href="/admin/catalog">← {t.back}</a>
      </p>
      <h1>{title}</h1>
      {notice && !isPhotoNotice(notice) && <Notice kind="success">{t.done[notice]}</Notice>}
      <FormAlert ctx={ctx} code={props.state?.code} />
      {product && <StatusPanel ctx={ctx} product={product} state={props.state} />}
      <form method="post" action={p ? `/admin/catalog/${p.id}` : '/admin/catalog'} class="panel" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          name="slug"
          label={t.slug}
          hint={t.slugHint}
          value={f.value('slug', p?.slug)}
          error={f.error('slug')}
          maxLength={80}
        />
        <div class="field-row">
          <SelectField
            name="kind"
            label={t.kind}
            selected={f.value('kind', p?.kind ?? 'course')}
            options={productKinds.map((kind) => [kind, w.kind[kind]] as const)}
            error={f.error('kind')}
          />
          <SelectField
            name="vat_rate"
            label={t.vat}
            selected={f.value('vat_rate', p?.vat_rate_bp ?? 2000)}
            options={vatRates.map((rate) => [String(rate), formatVatRate(rate, ctx.locale)] as const)}
            error={f.error('vat_rate')}
          />
        </div>
        <Field
          name="price"
          label={t.priceLabel}
          hint={t.priceHint}
          value={f.value('price', p ? eurosText(p.price_cents, ctx.locale) : '')}
          error={f.error('price')}
          maxLength={20}
        />
        <fieldset>
          <legend>{t.taught}</legend>
          <div class="field-row">
            <SelectField
              name="level"
              label={t.level}
              selected={f.value('level', p?.level)}
              options={[blank, ...levels.map((level) => [level, w.level[level]] as const)]}
              error={f.error('level')}
            />
            <SelectField
              name="format"
              label={t.format}
              selected={f.value('format', p?.format)}
              options={[blank, ...formats.map((format) => [format, w.format[format]] as const)]}
              error={f.error('format')}
            />
            <Field
              name="duration_hours"
              label={t.duration}
              value={f.value('duration_hours', p?.duration_hours)}
              error={f.error('duration_hours')}
              maxLength={4}
            />
          </div>
        </fieldset>
        <SelectField
          name="cover"
          label={t.cover}
          selected={f.value('cover', p?.cover ?? 'stack')}
          options={coverNames.map((cover) => [cover, coverWording[cover]] as const)}
          error={f.error('cover')}
        />
        <Checkbox name="featured" label={t.featured} checked={f.checked('featured', p?.featured === 1)} />
        {!p && <Checkbox name="publish" label={t.publish} checked={f.checked('publish', false)} />}
        {(['en', 'fr'] as const).map((locale) => (
          <fieldset key={locale}>
            <legend>{locale === 'en' ? t.english : t.french}</legend>
            <Field
              name={`name_${locale}`}
              label={t.nameLabel}
              value={f.value(`name_${locale}`, product?.texts[locale].name)}
              error={f.error(`name_${locale}`)}
              maxLength={120}
            />
            <Field
              name={`summary_${locale}`}
              label={t.summary}
              value={f.value(`summary_${locale}`, product?.texts[locale].summary)}
              error={f.error(`summary_${locale}`)}
              maxLength={300}
            />
            <Field
              name={`description_${locale}`}
              label={t.description}
              hint={t.descriptionHint}
              value={f.value(`description_${locale}`, product?.texts[locale].description)}
              error={f.error(`description_${locale}`)}
              multiline
              maxLength={8000}
            />
            <Field
              name={`highlights_${locale}`}
              label={t.highlights}
              hint={t.highlightsHint}
              value={f.value(
                `highlights_${locale}`,
                product ? (JSON.parse(product.texts[locale].highlights) as string[]).join('\n') : '',
              )}
              error={f.error(`highlights_${locale}`)}
              multiline
            />
          </fieldset>
        ))}
        <button type="submit" class="button">
          {p ? t.save : t.create}
        </button>
      </form>
      {product && (
        <PhotosPanel
          ctx={ctx}
          productId={product.product.id}
          photos={props.photos ?? []}
          notice={isPhotoNotice(notice) ? notice : undefined}
          state={props.state}
        />
      )}
      {product && <OffersPanel ctx={ctx} product={product} state={props.state} />}
    </StaffLayout>
  );
}

function StatusPanel(props: { ctx: PageContext; product: AdminProduct; state?: CatalogFormState }) {
  const { ctx } = props;
  const t = text[ctx.locale];
  const p = props.product.product;
  const action = `/admin/catalog/${p.id}/status`;
  return (
    <section class="panel">
      <p>
        {t.statusNow(t.statuses[p.status])}{' '}
        {p.status === 'active' && <a href={paths.product(ctx.locale, p.slug)}>{t.view}</a>}
      </p>
      <div class="actions">
        {p.status === 'draft' && (
          <ActionButton ctx={ctx} action={action} fields={{ status: 'active' }} label={t.publishNow} />
        )}
        {p.status === 'active' && (
          <ActionButton ctx={ctx} action={action} fields={{ status: 'draft' }} label={t.unpublish} />
        )}
        {p.status === 'archived' ? (
          <ActionButton ctx={ctx} action={action} fields={{ status: 'draft' }} label={t.restore} />
        ) : (
          <ActionButton ctx={ctx} action={action} fields={{ status: 'archived' }} label={t.archive} look="danger" />
        )}
      </div>
      <p class="muted small">{t.archiveLead}</p>
    </section>
  );
}

/** "6 March 2027 at 09:30 · 35 rue le Marois", a size's label, or "Sold as it is". */
function describeOffer(offer: OfferRow, locale: Locale): string {
  const t = text[locale];
  if (offer.kind === 'session' && offer.starts_at)
    return `${formatDate(offer.starts_at, locale, true)} · ${offer.online ? t.online : (offer.place ?? '')}`;
  return (locale === 'fr' ? offer.label_fr : offer.label_en) ?? t.single;
}

function OffersPanel(props: { ctx: PageContext; product: AdminProduct; state?: CatalogFormState }) {
  const { ctx, product } = props;
  const t = text[ctx.locale];
  const p = product.product;
  const sessions = p.kind !== 'product';
  const add = formOf(props.state, 'offer', ctx.locale);
  return (
    <section class="panel">
      <h2>{t.offersTitle}</h2>
      {product.offers.length === 0 ? (
        <p class="muted">{t.offersNone}</p>
      ) : (
        <ScrollTable label={t.offersTitle} headers={[t.offer, t.price, t.available, '']}>
          {product.offers.map((offer) => {
            const row = formOf(props.state, `available:${offer.id}`, ctx.locale);
            const base = `/admin/catalog/${p.id}/offers/${offer.id}`;
            const error = row.error('available');
            return (
              <tr key={offer.id}>
                <td>
                  {describeOffer(offer, ctx.locale)}
                  {offer.status === 'archived' && <span class="muted small"> ({t.archived})</span>}
                </td>
                <td class="num">{formatMoney(offer.price_cents ?? p.price_cents, p.currency, ctx.locale)}</td>
                <td>
                  <form method="post" action={`${base}/available`} class="quantity-form" novalidate>
                    <CsrfField ctx={ctx} />
                    <input
                      class="quantity-input"
                      name="available"
                      inputMode="numeric"
                      maxLength={7}
                      value={row.value('available', offer.available)}
                      aria-label={`${t.available}: ${describeOffer(offer, ctx.locale)}`}
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={error ? `available-${offer.id}-error` : undefined}
                    />{' '}
                    <button type="submit" class="link-button">
                      {t.set}
                    </button>
                    {error && (
                      <p class="field-error" id={`available-${offer.id}-error`}>
                        {error}
                      </p>
                    )}
                  </form>
                </td>
                <td>
                  <a href={base}>{t.edit}</a>
                </td>
              </tr>
            );
          })}
        </ScrollTable>
      )}
      <form method="post" action={`/admin/catalog/${p.id}/offers`} novalidate>
        <CsrfField ctx={ctx} />
        <h3>{sessions ? t.addSession : t.addOffer}</h3>
        {!sessions && <p class="field-hint">{t.addOfferHint}</p>}
        <OfferFields ctx={ctx} kind={sessions ? 'session' : 'goods'} f={add} />
        <button type="submit" class="button">
          {sessions ? t.addSession : t.addOffer}
        </button>
      </form>
    </section>
  );
}

/** The fields of a session, or of goods (a size, or the item's one offer). */
function OfferFields(props: { ctx: PageContext; kind: OfferRow['kind'] | 'goods'; f: FormValues; offer?: OfferRow }) {
  const { ctx, f, offer } = props;
  const t = text[ctx.locale];
  const when = (iso: string | null | undefined) => (iso ? parisLocal(iso) : '');
  const common = (
    <div class="field-row">
      <Field
        name="available"
        label={props.kind === 'session' ? t.seats : t.stock}
        hint={t.availableHint}
        value={f.value('available', offer?.available)}
        error={f.error('available')}
        maxLength={7}
      />
      <Field
        name="price"
        label={t.offerPrice}
        hint={t.offerPriceHint}
        value={f.value('price', offer ? eurosText(offer.price_cents, ctx.locale) : '')}
        error={f.error('price')}
        maxLength={20}
      />
    </div>
  );
  if (props.kind !== 'session')
    return (
      <>
        {props.kind !== 'single' && (
          <div class="field-row">
            <Field
              name="label_en"
              label={t.labelEn}
              value={f.value('label_en', offer?.label_en)}
              error={f.error('label_en')}
              maxLength={60}
            />
            <Field
              name="label_fr"
              label={t.labelFr}
              value={f.value('label_fr', offer?.label_fr)}
              error={f.error('label_fr')}
              maxLength={60}
            />
          </div>
        )}
        <Field name="sku" label={t.sku} value={f.value('sku', offer?.sku)} error={f.error('sku')} maxLength={40} />
        {common}
      </>
    );
  return (
    <>
      <div class="field-row">
        <WhenField
          name="starts_at"
          label={t.startsAt}
          value={f.value('starts_at', when(offer?.starts_at))}
          error={f.error('starts_at')}
        />
        <WhenField
          name="ends_at"
          label={t.endsAt}
          value={f.value('ends_at', when(offer?.ends_at))}
          error={f.error('ends_at')}
        />
      </div>
      <div class="field-row">
        <Field
          name="schedule_en"
          label={t.scheduleEn}
          hint={t.scheduleHint}
          value={f.value('schedule_en', offer?.schedule_en)}
          error={f.error('schedule_en')}
          maxLength={200}
        />
        <Field
          name="schedule_fr"
          label={t.scheduleFr}
          hint={t.scheduleHint}
          value={f.value('schedule_fr', offer?.schedule_fr)}
          error={f.error('schedule_fr')}
          maxLength={200}
        />
      </div>
      <Checkbox name="online" label={t.online} checked={f.checked('online', offer?.online === 1)} />
      <Field
        name="place"
        label={t.place}
        value={f.value('place', offer?.place)}
        error={f.error('place')}
        maxLength={200}
      />
      {common}
    </>
  );
}

/** One offer of a product: its fields, and archived or back on sale. */
export function AdminOfferPage(props: {
  ctx: PageContext;
  staff: StaffPrincipal;
  product: AdminProduct;
  offer: OfferRow;
  state?: CatalogFormState;
}) {
  const { ctx, product, offer } = props;
  const t = text[ctx.locale];
  const name = product.texts[ctx.locale].name;
  const title = `${t.offerTitle[offer.kind]} · ${name}`;
  const base = `/admin/catalog/${product.product.id}/offers/${offer.id}`;
  return (
    <StaffLayout ctx={ctx} title={title} staff={props.staff}>
      <p>
        <a href={`/admin/catalog/${product.product.id}`}>← {t.backTo(name)}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {describeOffer(offer, ctx.locale)}
        {offer.status === 'archived' && <span class="muted"> ({t.archived})</span>}
      </p>
      <FormAlert ctx={ctx} code={props.state?.code} />
      <form method="post" action={base} class="panel" novalidate>
        <CsrfField ctx={ctx} />
        <OfferFields ctx={ctx} kind={offer.kind} f={formOf(props.state, 'offer', ctx.locale)} offer={offer} />
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
      <section class="panel">
        {formOf(props.state, 'offer-status', ctx.locale).error('status') && (
          <p class="field-error">{formOf(props.state, 'offer-status', ctx.locale).error('status')}</p>
        )}
        {offer.status === 'active' ? (
          <ActionButton
            ctx={ctx}
            action={`${base}/status`}
            fields={{ status: 'archived' }}
            label={t.archiveOffer}
            look="danger"
          />
        ) : (
          <ActionButton ctx={ctx} action={`${base}/status`} fields={{ status: 'active' }} label={t.restoreOffer} />
        )}
      </section>
    </StaffLayout>
  );
}
