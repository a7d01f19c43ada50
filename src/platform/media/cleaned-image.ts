/** An image with its metadata removed, and its size as it shows (a quarter-turned JPEG: swapped). */
export interface CleanedImage {
  bytes: Buffer;
  width: number;
  height: number;
}
