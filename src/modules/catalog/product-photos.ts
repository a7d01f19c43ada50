import { randomId } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/http/errors.js';
import { type ReadImage, imageFormats } from '../../platform/media/image-file.js';
import type { ContentFiles } from '../../platform/media/content-files.js';
import type { ProductImageRow, ProductImageStore } from './product-image-store.js';
import { type PhotoTexts, photoLimits } from './product-photo-input.js';

/** Ids are random base64url strings: anything else names nothing, and is not looked up. */
const plausibleId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);

/**
 * Staff's side of product photos (the Photos panel of a product's edit page): added, described,
 * put in order (the first is the main photo), removed. A file is stored once however many rows
 * name it, and removed with the last row that does. Every change clears the storefront's cache
 * (`changed`), so the shop shows it on the next request.
 */
export class ProductPhotos {
  constructor(
    private readonly store: ProductImageStore,
    private readonly files: ContentFiles,
    private readonly changed: () => void,
    private readonly now: () => Date,
  ) {}

  /** A product's photos in order, for its edit page. */
  of(productId: string): Promise<ProductImageRow[]> {
    return plausibleId(productId) ? this.store.forProducts([productId]) : Promise.resolve([]);
  }

  /** Adds a photo at the end (the main one when it is the first). Refused past 12, or the same photo twice. */
  async add(productId: string, image: ReadImage, texts: PhotoTexts): Promise<string> {
    if (!plausibleId(productId)) throw new AppError('VT_NOT_FOUND');
    const format = imageFormats[image.format];
    // The file first: a row never names a file that is not there.
    const fileName = await this.files.put(image.bytes, format.extension);
    const id = randomId();
    try {
      await this.store.transaction().execute(async (trx) => {
        const photos = await this.store.lockedFor(productId, trx);
        if (!photos) throw new AppError('VT_NOT_FOUND');
        if (photos.length >= photoLimits.perProduct)
          throw new AppError('VT_VALIDATION', { fields: { photo: 'photo-count' } });
        if (photos.some((photo) => photo.file_name === fileName))
          throw new AppError('VT_VALIDATION', { fields: { photo: 'photo-duplicate' } });
        await this.store.insert(
          {
            id,
            product_id: productId,
            file_name: fileName,
            content_type: format.contentType,
            width: image.width,
            height: image.height,
            bytes: image.bytes.length,
            ...texts,
            position: photos.reduce((last, photo) => Math.max(last, photo.position + 1), 0),
            created_at: this.now().toISOString(),
          },
          trx,
        );
      });
    } catch (error) {
      await this.forget(fileName);
      throw error;
    }
    // Removed by someone else's removal of the same bytes while this row was being added: written again.
    await this.files.ensure(fileName, image.bytes);
    this.changed();
    return id;
  }

  /** A photo's descriptions in both languages. */
  async describe(productId: string, photoId: string, texts: PhotoTexts): Promise<void> {
    const found = plausibleId(productId) && plausibleId(photoId);
    if (!found || !(await this.store.setAlt(productId, photoId, texts))) throw new AppError('VT_NOT_FOUND');
    this.changed();
  }

  /** One place up or down; the first place makes it the main photo. At either end it stays. */
  async move(productId: string, photoId: string, direction: 'up' | 'down'): Promise<void> {
    await this.change(productId, photoId, async (photos, index) => {
      const other = direction === 'up' ? index - 1 : index + 1;
      if (other < 0 || other >= photos.length) return photos;
      const order = [...photos];
      [order[index], order[other]] = [order[other] as ProductImageRow, order[index] as ProductImageRow];
      return order;
    });
  }

  /** Removes a photo; its file goes too unless another row (of this or another product) names it. */
  async remove(productId: string, photoId: string): Promise<void> {
    let fileName = '';
    await this.change(productId, photoId, async (photos, index, trx) => {
      const photo = photos[index] as ProductImageRow;
      fileName = photo.file_name;
      await this.store.delete(photo.id, trx);
      return photos.filter((_, i) => i !== index);
    });
    await this.forget(fileName);
  }

  /**
   * Changes a product's photos in one transaction, with them locked: `work` returns them in their
   * new order, and their positions are numbered again from 0.
   */
  private async change(
    productId: string,
    photoId: string,
    work: (
      photos: ProductImageRow[],
      index: number,
      trx: Parameters<ProductImageStore['delete']>[1],
    ) => Promise<ProductImageRow[]>,
  ): Promise<void> {
    if (!plausibleId(productId) || !plausibleId(photoId)) throw new AppError('VT_NOT_FOUND');
    await this.store.transaction().execute(async (trx) => {
      const photos = await this.store.lockedFor(productId, trx);
      const index = photos?.findIndex((photo) => photo.id === photoId) ?? -1;
      if (!photos || index < 0) throw new AppError('VT_NOT_FOUND');
      const order = await work(photos, index, trx);
      for (const [position, photo] of order.entries())
        if (photo.position !== position) await this.store.setPosition(photo.id, position, trx);
    });
    this.changed();
  }

  /** Removes a file once no row names it. */
  private forget(fileName: string): Promise<void> {
    return this.files.remove(fileName, () => this.store.names(fileName));
  }
}
