#include "ImageCodecs.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

typedef struct {
  struct jpeg_error_mgr base;
  jmp_buf jump;
  char *message;
} hl_jpeg_error;

static void hl_jpeg_fail(j_common_ptr info) {
  hl_jpeg_error *error = (hl_jpeg_error *)info->err;
  char text[JMSG_LENGTH_MAX];
  (*info->err->format_message)(info, text);
  snprintf(error->message, HL_ERROR_SIZE, "JPEG: %s", text);
  longjmp(error->jump, 1);
}

static void hl_jpeg_quiet(j_common_ptr info, int level) {
  (void)info;
  (void)level;
}

int hl_jpeg_decode(const uint8_t *data, size_t size, size_t max_pixels, hl_image *out,
                   char error[HL_ERROR_SIZE]) {
  struct jpeg_decompress_struct info;
  hl_jpeg_error failure;
  uint8_t *volatile pixels = NULL;
  memset(out, 0, sizeof(*out));
  error[0] = 0;
  if (size < 4 || data[0] != 0xFF || data[1] != 0xD8) {
    snprintf(error, HL_ERROR_SIZE, "not a JPEG (no start-of-image marker)");
    return 1;
  }
  info.err = jpeg_std_error(&failure.base);
  failure.base.error_exit = hl_jpeg_fail;
  failure.base.emit_message = hl_jpeg_quiet;
  failure.message = error;
  if (setjmp(failure.jump)) {
    jpeg_destroy_decompress(&info);
    free(pixels);
    return 1;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data, (unsigned long)size);
  jpeg_read_header(&info, TRUE);
  info.out_color_space = info.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  if ((size_t)info.image_width * (size_t)info.image_height > max_pixels) {
    snprintf(error, HL_ERROR_SIZE, "JPEG is %ux%u, larger than the %zu pixels allowed",
             info.image_width, info.image_height, max_pixels);
    jpeg_destroy_decompress(&info);
    return 1;
  }
  jpeg_start_decompress(&info);
  int channels = info.output_components;
  size_t stride = (size_t)info.output_width * (size_t)channels;
  pixels = malloc(stride * info.output_height);
  if (!pixels) {
    snprintf(error, HL_ERROR_SIZE, "out of memory");
    jpeg_destroy_decompress(&info);
    return 1;
  }
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = pixels + stride * info.output_scanline;
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  out->pixels = pixels;
  out->width = (int)info.output_width;
  out->height = (int)info.output_height;
  out->channels = channels;
  jpeg_destroy_decompress(&info);
  return 0;
}

int hl_jpeg_encode(const uint8_t *pixels, int width, int height, int channels, int quality,
                   uint8_t **out, size_t *out_size, char error[HL_ERROR_SIZE]) {
  struct jpeg_compress_struct info;
  hl_jpeg_error failure;
  unsigned char *volatile buffer = NULL;
  unsigned long buffer_size = 0;
  *out = NULL;
  *out_size = 0;
  error[0] = 0;
  if (width <= 0 || height <= 0 || (channels != 1 && channels != 3)) {
    snprintf(error, HL_ERROR_SIZE, "cannot encode a %dx%d image with %d channels", width, height,
             channels);
    return 1;
  }
  info.err = jpeg_std_error(&failure.base);
  failure.base.error_exit = hl_jpeg_fail;
  failure.base.emit_message = hl_jpeg_quiet;
  failure.message = error;
  if (setjmp(failure.jump)) {
    jpeg_destroy_compress(&info);
    free(buffer);
    return 1;
  }
  jpeg_create_compress(&info);
  jpeg_mem_dest(&info, (unsigned char **)&buffer, &buffer_size);
  info.image_width = (JDIMENSION)width;
  info.image_height = (JDIMENSION)height;
  info.input_components = channels;
  info.in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, quality, TRUE);
  jpeg_start_compress(&info, TRUE);
  size_t stride = (size_t)width * (size_t)channels;
  while (info.next_scanline < info.image_height) {
    JSAMPROW row = (JSAMPROW)(pixels + stride * info.next_scanline);
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  *out = buffer;
  *out_size = buffer_size;
  return 0;
}

void hl_free(void *pointer) { free(pointer); }
