// Thin C wrappers over libjpeg-turbo, libpng and zlib. libjpeg and libpng report errors by longjmp,
// which Swift cannot catch, so every call here returns a status code and an error message instead.
#ifndef HEMOLAB_IMAGE_CODECS_H
#define HEMOLAB_IMAGE_CODECS_H

#include <stddef.h>
#include <stdint.h>

#define HL_ERROR_SIZE 256

/// A decoded 8-bit image: `channels` interleaved samples per pixel (1 = grey, 3 = RGB).
/// `pixels` is allocated with malloc; release it with hl_free.
typedef struct {
  uint8_t *pixels;
  int width;
  int height;
  int channels;
} hl_image;

/// Decodes a baseline or progressive JPEG from memory. Grey stays grey; colour becomes RGB.
/// Refuses images with more than `max_pixels` pixels before allocating. Returns 0 on success.
int hl_jpeg_decode(const uint8_t *data, size_t size, size_t max_pixels, hl_image *out,
                   char error[HL_ERROR_SIZE]);

/// Encodes grey (channels 1) or RGB (channels 3) pixels as a JPEG of the given quality (1-100).
/// `*out` is allocated with malloc; release it with hl_free. Returns 0 on success.
int hl_jpeg_encode(const uint8_t *pixels, int width, int height, int channels, int quality,
                   uint8_t **out, size_t *out_size, char error[HL_ERROR_SIZE]);

/// Decodes a PNG from memory to 8-bit grey (1), or RGB (3); 16-bit samples are reduced to 8 bits,
/// palettes expanded, alpha dropped. Refuses more than `max_pixels` pixels. Returns 0 on success.
int hl_png_decode(const uint8_t *data, size_t size, size_t max_pixels, hl_image *out,
                  char error[HL_ERROR_SIZE]);

/// Decodes a 16-bit greyscale PNG keeping all 16 bits (big-endian in the file, native here).
/// `*out` holds width*height uint16 values; release it with hl_free. Returns 0 on success.
int hl_png_decode_gray16(const uint8_t *data, size_t size, size_t max_pixels, uint16_t **out,
                         int *width, int *height, char error[HL_ERROR_SIZE]);

/// Encodes 8-bit grey (1) or RGB (3) pixels as a PNG. Returns 0 on success.
int hl_png_encode(const uint8_t *pixels, int width, int height, int channels, uint8_t **out,
                  size_t *out_size, char error[HL_ERROR_SIZE]);

/// Inflates a raw DEFLATE stream (no zlib or gzip header), as in DICOM's deflated transfer syntax.
/// Stops with an error if the output would exceed `max_size` bytes. Returns 0 on success.
int hl_inflate_raw(const uint8_t *data, size_t size, size_t max_size, uint8_t **out,
                   size_t *out_size, char error[HL_ERROR_SIZE]);

/// Deflates bytes into a raw DEFLATE stream (no header). Returns 0 on success.
int hl_deflate_raw(const uint8_t *data, size_t size, uint8_t **out, size_t *out_size,
                   char error[HL_ERROR_SIZE]);

/// Releases memory returned by the functions above.
void hl_free(void *pointer);

#endif
