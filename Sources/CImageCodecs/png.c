#include "ImageCodecs.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

static void hl_png_fail(png_structp png, png_const_charp message) {
  char *error = (char *)png_get_error_ptr(png);
  snprintf(error, HL_ERROR_SIZE, "PNG: %s", message);
  png_longjmp(png, 1);
}

static void hl_png_warn(png_structp png, png_const_charp message) {
  (void)png;
  (void)message;
}

typedef struct {
  const uint8_t *data;
  size_t size;
  size_t offset;
} hl_png_source;

static void hl_png_read(png_structp png, png_bytep target, png_size_t length) {
  hl_png_source *source = (hl_png_source *)png_get_io_ptr(png);
  if (length > source->size - source->offset) {
    png_error(png, "file is truncated");
  }
  memcpy(target, source->data + source->offset, length);
  source->offset += length;
}

/// Checks the signature and sets up a reader over memory, with libpng's own dimension limits.
static int hl_png_open(const uint8_t *data, size_t size, png_structp *png_out, png_infop *info_out, hl_png_source *source,
                       char error[HL_ERROR_SIZE]) {
  if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
    snprintf(error, HL_ERROR_SIZE, "not a PNG (wrong signature)");
    return 1;
  }
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, error, hl_png_fail, hl_png_warn);
  if (!png) {
    snprintf(error, HL_ERROR_SIZE, "out of memory");
    return 1;
  }
  png_infop info = png_create_info_struct(png);
  *png_out = png;
  *info_out = info;
  source->data = data;
  source->size = size;
  source->offset = 0;
  png_set_read_fn(png, source, hl_png_read);
  png_set_user_limits(png, 1 << 16, 1 << 16);
  return 0;
}

int hl_png_decode(const uint8_t *data, size_t size, size_t max_pixels, hl_image *out,
                  char error[HL_ERROR_SIZE]) {
  png_structp png = NULL;
  png_infop info = NULL;
  hl_png_source source;
  uint8_t *volatile pixels = NULL;
  png_bytep *volatile rows = NULL;
  memset(out, 0, sizeof(*out));
  error[0] = 0;
  if (hl_png_open(data, size, &png, &info, &source, error)) return 1;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, NULL);
    free(pixels);
    free(rows);
    return 1;
  }
  png_read_info(png, info);
  png_uint_32 width = png_get_image_width(png, info);
  png_uint_32 height = png_get_image_height(png, info);
  if ((size_t)width * (size_t)height > max_pixels) {
    snprintf(error, HL_ERROR_SIZE, "PNG is %ux%u, larger than the %zu pixels allowed", width, height,
             max_pixels);
    png_destroy_read_struct(&png, &info, NULL);
    return 1;
  }
  int color = png_get_color_type(png, info);
  png_set_strip_16(png);
  png_set_packing(png);
  png_set_strip_alpha(png);
  if (color == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(png, info) < 8)
    png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  png_read_update_info(png, info);
  int channels = png_get_channels(png, info);
  if (channels == 2 || channels == 4) {
    snprintf(error, HL_ERROR_SIZE, "PNG: unexpected alpha channel after conversion");
    png_destroy_read_struct(&png, &info, NULL);
    return 1;
  }
  size_t stride = png_get_rowbytes(png, info);
  pixels = malloc(stride * height);
  rows = malloc(sizeof(png_bytep) * height);
  if (!pixels || !rows) {
    snprintf(error, HL_ERROR_SIZE, "out of memory");
    png_destroy_read_struct(&png, &info, NULL);
    free(pixels);
    free(rows);
    return 1;
  }
  for (png_uint_32 y = 0; y < height; y++) rows[y] = pixels + stride * y;
  png_read_image(png, rows);
  png_read_end(png, NULL);
  png_destroy_read_struct(&png, &info, NULL);
  free(rows);
  out->pixels = pixels;
  out->width = (int)width;
  out->height = (int)height;
  out->channels = channels;
  return 0;
}

int hl_png_decode_gray16(const uint8_t *data, size_t size, size_t max_pixels, uint16_t **out,
                         int *out_width, int *out_height, char error[HL_ERROR_SIZE]) {
  png_structp png = NULL;
  png_infop info = NULL;
  hl_png_source source;
  uint16_t *volatile pixels = NULL;
  png_bytep *volatile rows = NULL;
  *out = NULL;
  error[0] = 0;
  if (hl_png_open(data, size, &png, &info, &source, error)) return 1;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, NULL);
    free(pixels);
    free(rows);
    return 1;
  }
  png_read_info(png, info);
  png_uint_32 width = png_get_image_width(png, info);
  png_uint_32 height = png_get_image_height(png, info);
  if ((size_t)width * (size_t)height > max_pixels) {
    snprintf(error, HL_ERROR_SIZE, "PNG is %ux%u, larger than the %zu pixels allowed", width, height,
             max_pixels);
    png_destroy_read_struct(&png, &info, NULL);
    return 1;
  }
  if (png_get_color_type(png, info) != PNG_COLOR_TYPE_GRAY || png_get_bit_depth(png, info) != 16) {
    snprintf(error, HL_ERROR_SIZE, "PNG is not 16-bit greyscale");
    png_destroy_read_struct(&png, &info, NULL);
    return 1;
  }
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  png_set_swap(png);
#endif
  png_read_update_info(png, info);
  pixels = malloc(sizeof(uint16_t) * (size_t)width * height);
  rows = malloc(sizeof(png_bytep) * height);
  if (!pixels || !rows) {
    snprintf(error, HL_ERROR_SIZE, "out of memory");
    png_destroy_read_struct(&png, &info, NULL);
    free(pixels);
    free(rows);
    return 1;
  }
  for (png_uint_32 y = 0; y < height; y++) rows[y] = (png_bytep)(pixels + (size_t)width * y);
  png_read_image(png, rows);
  png_read_end(png, NULL);
  png_destroy_read_struct(&png, &info, NULL);
  free(rows);
  *out = pixels;
  *out_width = (int)width;
  *out_height = (int)height;
  return 0;
}

typedef struct {
  uint8_t *data;
  size_t size;
  size_t capacity;
  int failed;
} hl_png_sink;

static void hl_png_write(png_structp png, png_bytep source, png_size_t length) {
  hl_png_sink *sink = (hl_png_sink *)png_get_io_ptr(png);
  if (sink->size + length > sink->capacity) {
    size_t capacity = sink->capacity ? sink->capacity * 2 : 65536;
    while (capacity < sink->size + length) capacity *= 2;
    uint8_t *grown = realloc(sink->data, capacity);
    if (!grown) png_error(png, "out of memory");
    sink->data = grown;
    sink->capacity = capacity;
  }
  memcpy(sink->data + sink->size, source, length);
  sink->size += length;
}

static void hl_png_flush(png_structp png) { (void)png; }

int hl_png_encode(const uint8_t *pixels, int width, int height, int channels, uint8_t **out,
                  size_t *out_size, char error[HL_ERROR_SIZE]) {
  hl_png_sink sink = {NULL, 0, 0, 0};
  png_bytep *volatile rows = NULL;
  *out = NULL;
  *out_size = 0;
  error[0] = 0;
  if (width <= 0 || height <= 0 || (channels != 1 && channels != 3)) {
    snprintf(error, HL_ERROR_SIZE, "cannot encode a %dx%d image with %d channels", width, height,
             channels);
    return 1;
  }
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, error, hl_png_fail, hl_png_warn);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  if (!png || !info) {
    snprintf(error, HL_ERROR_SIZE, "out of memory");
    png_destroy_write_struct(&png, &info);
    return 1;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    free(sink.data);
    free(rows);
    return 1;
  }
  png_set_write_fn(png, &sink, hl_png_write, hl_png_flush);
  png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
               channels == 1 ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  rows = malloc(sizeof(png_bytep) * (size_t)height);
  if (!rows) png_error(png, "out of memory");
  size_t stride = (size_t)width * (size_t)channels;
  for (int y = 0; y < height; y++) rows[y] = (png_bytep)(pixels + stride * (size_t)y);
  png_write_image(png, rows);
  png_write_end(png, NULL);
  png_destroy_write_struct(&png, &info);
  free(rows);
  *out = sink.data;
  *out_size = sink.size;
  return 0;
}
