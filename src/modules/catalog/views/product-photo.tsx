import type { ProductPhoto } from '../product.js';

/**
 * A product photo on the storefront, with its width and height so the page keeps its place while
 * it loads (CSS sizes it; the browser takes the ratio from these), and its description in the
 * page's language. `eager`: the photo a visitor sees first on the product page, fetched at once;
 * every other one waits until it is near the screen.
 */
export function ProductImage(props: { photo: ProductPhoto; class: string; eager?: boolean }) {
  const { photo } = props;
  return (
    <img
      class={props.class}
      src={photo.url}
      width={photo.width}
      height={photo.height}
      alt={photo.alt}
      decoding="async"
      loading={props.eager ? undefined : 'lazy'}
      fetchpriority={props.eager ? 'high' : undefined}
    />
  );
}
